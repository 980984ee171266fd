package io.domaindesk.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sandbox's state: one jsonb document per object, keyed by kind and id.
 * {@code parties} holds the nichandles an object is visible to, {@code ref} a secondary
 * key (a task's domain).
 */
@Component
@ConditionalOnSandbox
class ObjectStore {

	static final String DOMAIN = "domain";

	static final String NICHANDLE = "nichandle";

	static final String CONTACT = "contact";

	static final String CONTACT_CHANGE = "contactChange";

	static final String DOMAIN_TASK = "domainTask";

	static final String CART = "cart";

	static final String ORDER = "order";

	private final JdbcClient jdbc;

	private final AtomicLong domainWrites = new AtomicLong();

	ObjectStore(JdbcClient jdbc, SandboxSchema schema) {
		this.jdbc = jdbc;
	}

	long nextId() {
		return this.jdbc.sql("select nextval('ovh_sandbox.object_id_seq')").query(Long.class).single();
	}

	/** A block of ids in one round trip, for bulk seeding. */
	List<Long> nextIds(int count) {
		return this.jdbc.sql("select nextval('ovh_sandbox.object_id_seq') from generate_series(1, ?)")
			.param(count)
			.query(Long.class)
			.list();
	}

	void insert(String kind, String id, Collection<String> parties, String ref, ObjectNode doc) {
		this.jdbc
			.sql("insert into ovh_sandbox.object (kind, id, parties, ref, doc) values (?, ?, ?, ?, cast(? as jsonb))")
			.params(kind, id, parties.toArray(String[]::new), ref, Json.write(doc))
			.update();
		written(kind);
	}

	void update(String kind, String id, Collection<String> parties, String ref, ObjectNode doc) {
		this.jdbc
			.sql("update ovh_sandbox.object set parties = ?, ref = ?, doc = cast(? as jsonb) where kind = ? and id = ?")
			.params(parties.toArray(String[]::new), ref, Json.write(doc), kind, id)
			.update();
		written(kind);
	}

	void updateDoc(String kind, String id, ObjectNode doc) {
		this.jdbc.sql("update ovh_sandbox.object set doc = cast(? as jsonb) where kind = ? and id = ?")
			.params(Json.write(doc), kind, id)
			.update();
		written(kind);
	}

	/**
	 * Inserts many documents in one statement; seeding 100,000 domains must stay quick.
	 */
	void bulkInsert(String kind, List<Row> rows) {
		for (int from = 0; from < rows.size(); from += 2000) {
			ArrayNode batch = Json.array();
			for (Row row : rows.subList(from, Math.min(rows.size(), from + 2000))) {
				ObjectNode item = batch.addObject();
				item.put("id", row.id());
				item.set("parties", Json.strings(row.parties()));
				item.put("ref", row.ref());
				item.set("doc", row.doc());
			}
			this.jdbc.sql("""
					insert into ovh_sandbox.object (kind, id, parties, ref, doc)
					select ?, r->>'id', array(select jsonb_array_elements_text(r->'parties')), r->>'ref', r->'doc'
					from jsonb_array_elements(cast(? as jsonb)) r
					""").params(kind, Json.write(batch)).update();
		}
		written(kind);
	}

	/**
	 * How many times domains were written through this store: a list of domain ids read
	 * at one count is still the list while the count is the same.
	 */
	long domainWrites() {
		return this.domainWrites.get();
	}

	private void written(String kind) {
		if (DOMAIN.equals(kind)) {
			this.domainWrites.incrementAndGet();
		}
	}

	Optional<ObjectNode> find(String kind, String id) {
		return this.jdbc.sql("select doc::text from ovh_sandbox.object where kind = ? and id = ?")
			.params(kind, id)
			.query(String.class)
			.optional()
			.map(Json::parseObject);
	}

	/** Locks the row for the rest of the transaction, so two accepts cannot both win. */
	Optional<ObjectNode> findForUpdate(String kind, String id) {
		return this.jdbc.sql("select doc::text from ovh_sandbox.object where kind = ? and id = ? for update")
			.params(kind, id)
			.query(String.class)
			.optional()
			.map(Json::parseObject);
	}

	Optional<Row> findRow(String kind, String id) {
		return this.jdbc
			.sql("select id, parties, ref, doc::text as doc from ovh_sandbox.object where kind = ? and id = ?")
			.params(kind, id)
			.query((rs, n) -> new Row(rs.getString("id"), List.of((String[]) rs.getArray("parties").getArray()),
					rs.getString("ref"), Json.parseObject(rs.getString("doc"))))
			.optional();
	}

	List<ObjectNode> findAll(String kind, Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select doc::text from ovh_sandbox.object where kind = ? and id = any(?)")
			.params(kind, ids.toArray(String[]::new))
			.query(String.class)
			.list()
			.stream()
			.map(Json::parseObject)
			.toList();
	}

	/** Ids of a kind visible to a nichandle, sorted the way OVHcloud lists them. */
	List<String> idsFor(String kind, String nichandle) {
		return this.jdbc
			.sql("select id from ovh_sandbox.object where kind = ? and ? = any(parties) order by length(id), id")
			.params(kind, nichandle)
			.query(String.class)
			.list();
	}

	List<ObjectNode> docsFor(String kind, String nichandle) {
		return this.jdbc
			.sql("select doc::text from ovh_sandbox.object where kind = ? and ? = any(parties) order by length(id), id")
			.params(kind, nichandle)
			.query(String.class)
			.list()
			.stream()
			.map(Json::parseObject)
			.toList();
	}

	List<ObjectNode> docsByRef(String kind, String ref) {
		return this.jdbc
			.sql("select doc::text from ovh_sandbox.object where kind = ? and ref = ? order by length(id), id")
			.params(kind, ref)
			.query(String.class)
			.list()
			.stream()
			.map(Json::parseObject)
			.toList();
	}

	/**
	 * Documents of a kind whose field has one of the given values (e.g. pending task
	 * states).
	 */
	List<ObjectNode> docsWhere(String kind, String field, Collection<String> values) {
		return this.jdbc
			.sql("select doc::text from ovh_sandbox.object where kind = ? and doc->>? = any(?) order by length(id), id")
			.params(kind, field, values.toArray(String[]::new))
			.query(String.class)
			.list()
			.stream()
			.map(Json::parseObject)
			.toList();
	}

	List<String> domainIdsFor(String nichandle, String whoisOwner) {
		if (whoisOwner == null) {
			return idsFor(DOMAIN, nichandle);
		}
		return this.jdbc.sql("""
				select id from ovh_sandbox.object where kind = 'domain' and ? = any(parties)
				and doc->>'whoisOwner' = ? order by id""").params(nichandle, whoisOwner).query(String.class).list();
	}

	long count(String kind, String nichandle) {
		return this.jdbc.sql("select count(*) from ovh_sandbox.object where kind = ? and ? = any(parties)")
			.params(kind, nichandle)
			.query(Long.class)
			.single();
	}

	boolean exists(String kind, String id) {
		return this.jdbc.sql("select count(*) from ovh_sandbox.object where kind = ? and id = ?")
			.params(kind, id)
			.query(Long.class)
			.single() > 0;
	}

	List<String> allIds(String kind) {
		return new ArrayList<>(this.jdbc.sql("select id from ovh_sandbox.object where kind = ?")
			.param(kind)
			.query(String.class)
			.list());
	}

	/**
	 * One stored object.
	 *
	 * @param id its id
	 * @param parties nichandles that see it
	 * @param ref secondary key
	 * @param doc the document
	 */
	record Row(String id, List<String> parties, String ref, ObjectNode doc) {

	}

}
