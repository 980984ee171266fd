package io.domaindesk.domains;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.infrastructure.SpreadsheetSafe;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the filtered inventory as CSV or XLSX straight to the response, row by row from
 * a database cursor, so that 100,000 domains take no more memory than 100. Every cell
 * goes through {@link SpreadsheetSafe}.
 */
@Component
class DomainExport {

	enum Format {

		CSV("text/csv; charset=UTF-8", "csv"),
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

		final String contentType;

		final String extension;

		Format(String contentType, String extension) {
			this.contentType = contentType;
			this.extension = extension;
		}

	}

	private final DomainSearch search;

	private final AuditLog audit;

	DomainExport(DomainSearch search, AuditLog audit) {
		this.search = search;
		this.audit = audit;
	}

	/**
	 * Streams the export and records who exported what, in the same read transaction as
	 * the cursor.
	 */
	@Transactional
	long write(long agencyId, DomainFilter filter, List<ExportColumn> columns, Format format, OutputStream out)
			throws IOException {
		long rows = (format == Format.CSV) ? csv(agencyId, filter, columns, out) : xlsx(agencyId, filter, columns, out);
		this.audit.record(AuditEntry.of(agencyId, "domains.export", AuditOutcome.SUCCESS,
				Map.of("format", format.extension, "rows", rows, "filter", filter.query(), "columns",
						columns.stream().map(ExportColumn::key).toList())));
		return rows;
	}

	private long csv(long agencyId, DomainFilter filter, List<ExportColumn> columns, OutputStream out)
			throws IOException {
		AtomicLong count = new AtomicLong();
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		// A byte-order mark so that spreadsheets open accented names correctly.
		writer.write('\uFEFF');
		CsvWriter csv = CsvWriter.builder().build(writer);
		csv.writeRecord(columns.stream().map(ExportColumn::key).toList());
		this.search.forEach(agencyId, filter, row -> {
			csv.writeRecord(columns.stream().map(c -> SpreadsheetSafe.cell(c.valueOf(row))).toList());
			count.incrementAndGet();
		});
		csv.flush();
		return count.get();
	}

	private long xlsx(long agencyId, DomainFilter filter, List<ExportColumn> columns, OutputStream out)
			throws IOException {
		AtomicLong count = new AtomicLong();
		Workbook workbook = new Workbook(out, "DomainDesk", "1.0");
		Worksheet sheet = workbook.newWorksheet("Domains");
		for (int c = 0; c < columns.size(); c++) {
			sheet.value(0, c, columns.get(c).key());
			sheet.style(0, c).bold().set();
		}
		this.search.forEach(agencyId, filter, row -> {
			int r = (int) count.incrementAndGet();
			for (int c = 0; c < columns.size(); c++) {
				sheet.value(r, c, SpreadsheetSafe.cell(columns.get(c).valueOf(row)));
			}
			if (r % 1000 == 0) {
				flush(sheet);
			}
		});
		workbook.finish();
		return count.get();
	}

	private static void flush(Worksheet sheet) {
		try {
			sheet.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
