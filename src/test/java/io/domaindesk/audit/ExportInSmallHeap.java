package io.domaindesk.audit;

import io.domaindesk.infrastructure.TimeZoneSettings;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CSV export code ({@link AuditExport#csv}, with {@link AuditQuery}'s cursor) run in
 * a JVM of its own, started by {@link AuditBenchmarks} with {@code -Xmx256m}: finishing a
 * million rows there shows the export streams. Prints one JSON line with its figures.
 * Arguments: JDBC URL, user, password, agency id, runs.
 */
public final class ExportInSmallHeap {

	private ExportInSmallHeap() {
	}

	public static void main(String[] args) throws Exception {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(args[0], args[1], args[2]);
		long agencyId = Long.parseLong(args[3]);
		int runs = Integer.parseInt(args[4]);
		AuditQuery query = new AuditQuery(JdbcClient.create(dataSource), dataSource,
				new TimeZoneSettings(ZoneId.of("Europe/Paris")));
		// Only the CSV path is used: it needs neither the audit log nor messages.
		AuditExport export = new AuditExport(query, null, null, null, null);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		long rows = 0;
		long bytes = 0;
		long millis = 0;
		for (int run = 0; run < runs; run++) {
			CountingSink sink = new CountingSink();
			long start = System.nanoTime();
			rows = transaction.execute(status -> {
				try {
					return export.csv(agencyId, AuditFilter.none(), sink);
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
			// The last run counts: the earlier ones warm the JIT up.
			millis = (System.nanoTime() - start) / 1_000_000;
			bytes = sink.count;
		}
		long peakHeap = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peakHeap += pool.getPeakUsage().getUsed();
			}
		}
		System.out.println("{\"rows\":" + rows + ",\"bytes\":" + bytes + ",\"millis\":" + millis + ",\"peakHeapBytes\":"
				+ peakHeap + ",\"maxHeapBytes\":" + Runtime.getRuntime().maxMemory() + "}");
	}

	static final class CountingSink extends OutputStream {

		long count;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.count += len;
		}

	}

}
