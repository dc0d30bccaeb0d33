package org.voiceai.providers.vectorstore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small, stateful ChromaDB 1.x speaking the v2 HTTP API as provider-protocols.md §B8 describes: tenants,
 * databases, collections (get by name, create), add (201), query (cosine distances, {@code where} with {@code $eq},
 * {@code $in}, {@code $and}, {@code $or}), delete by ids or {@code where}. Every v1 path answers 410 Gone, as Chroma
 * 1.x does, to catch a client left on the default API version.
 */
final class ChromaV2Fake implements ResponseDefinitionTransformerV2 {

	private static final Pattern TENANT = Pattern.compile("/api/v2/tenants/([^/]+)");

	private static final Pattern DATABASES = Pattern.compile("/api/v2/tenants/([^/]+)/databases");

	private static final Pattern DATABASE = Pattern.compile("/api/v2/tenants/([^/]+)/databases/([^/]+)");

	private static final Pattern COLLECTIONS = Pattern.compile("/api/v2/tenants/([^/]+)/databases/([^/]+)/collections");

	private static final Pattern COLLECTION = Pattern
		.compile("/api/v2/tenants/([^/]+)/databases/([^/]+)/collections/([^/]+)");

	private static final Pattern RECORDS = Pattern
		.compile("/api/v2/tenants/([^/]+)/databases/([^/]+)/collections/([^/]+)/(add|query|delete)");

	private final JsonMapper json = JsonMapper.builder().build();

	private final Set<String> tenants = ConcurrentHashMap.newKeySet();

	private final Set<String> databases = ConcurrentHashMap.newKeySet();

	/** Collections by "tenant/database/name". */
	private final Map<String, Collection> collections = new ConcurrentHashMap<>();

	@Override
	public String getName() {
		return "chroma-v2-fake";
	}

	/** Names of the collections created so far, in any tenant and database. */
	Set<String> collectionNames() {
		Set<String> names = ConcurrentHashMap.newKeySet();
		this.collections.values().forEach((collection) -> names.add(collection.name));
		return names;
	}

	@Override
	public synchronized ResponseDefinition transform(ServeEvent event) {
		String method = event.getRequest().getMethod().getName();
		String path = event.getRequest().getUrl().replaceAll("\\?.*", "");
		if (path.startsWith("/api/v1/")) {
			return answer(410, Map.of("error", "Unimplemented", "message", "The v1 API is deprecated. Please use /v2 apis"));
		}
		String body = event.getRequest().getBodyAsString();
		Matcher m;
		if ((m = RECORDS.matcher(path)).matches() && method.equals("POST")) {
			Collection collection = byId(m.group(3));
			if (collection == null) {
				return notFound("Collection [" + m.group(3) + "] does not exist");
			}
			JsonNode request = this.json.readTree(body);
			return switch (m.group(4)) {
				case "add" -> add(collection, request);
				case "query" -> query(collection, request);
				default -> delete(collection, request);
			};
		}
		if ((m = COLLECTION.matcher(path)).matches()) {
			String key = m.group(1) + "/" + m.group(2) + "/" + m.group(3);
			if (method.equals("DELETE")) {
				return (this.collections.remove(key) != null) ? answer(200, Map.of()) : notFound("Collection not found");
			}
			Collection collection = this.collections.get(key);
			return (collection != null) ? answer(200, collection.describe(m.group(1), m.group(2)))
					: notFound("Collection [" + m.group(3) + "] does not exist");
		}
		if ((m = COLLECTIONS.matcher(path)).matches() && method.equals("POST")) {
			JsonNode request = this.json.readTree(body);
			String name = request.path("name").asString();
			Collection collection = this.collections.computeIfAbsent(m.group(1) + "/" + m.group(2) + "/" + name,
					(key) -> new Collection(UUID.randomUUID().toString(), name,
							request.path("metadata").path("hnsw:space").asString("l2")));
			return answer(200, collection.describe(m.group(1), m.group(2)));
		}
		if ((m = DATABASE.matcher(path)).matches()) {
			return this.databases.contains(m.group(1) + "/" + m.group(2))
					? answer(200, Map.of("id", UUID.randomUUID().toString(), "name", m.group(2), "tenant", m.group(1)))
					: notFound("Database [" + m.group(2) + "] not found");
		}
		if ((m = DATABASES.matcher(path)).matches() && method.equals("POST")) {
			this.databases.add(m.group(1) + "/" + this.json.readTree(body).path("name").asString());
			return answer(200, Map.of());
		}
		if ((m = TENANT.matcher(path)).matches()) {
			return this.tenants.contains(m.group(1)) ? answer(200, Map.of("name", m.group(1)))
					: notFound("Tenant [" + m.group(1) + "] not found");
		}
		if (path.equals("/api/v2/tenants") && method.equals("POST")) {
			this.tenants.add(this.json.readTree(body).path("name").asString());
			return answer(200, Map.of());
		}
		return notFound("No route " + method + " " + path);
	}

	private ResponseDefinition add(Collection collection, JsonNode request) {
		for (int i = 0; i < request.path("ids").size(); i++) {
			float[] vector = new float[request.path("embeddings").get(i).size()];
			for (int d = 0; d < vector.length; d++) {
				vector[d] = request.path("embeddings").get(i).get(d).floatValue();
			}
			Map<String, Object> metadata = this.json.convertValue(request.path("metadatas").get(i), Map.class);
			collection.records.put(request.path("ids").get(i).asString(),
					new Record(vector, request.path("documents").get(i).asString(), metadata));
		}
		return answer(201, Map.of());
	}

	private ResponseDefinition query(Collection collection, JsonNode request) {
		JsonNode target = request.path("query_embeddings").get(0);
		float[] query = new float[target.size()];
		for (int d = 0; d < query.length; d++) {
			query[d] = target.get(d).floatValue();
		}
		JsonNode where = request.path("where");
		List<Map.Entry<String, Record>> hits = new ArrayList<>(collection.records.entrySet()
			.stream()
			.filter((entry) -> where.isMissingNode() || where.isNull() || matches(where, entry.getValue().metadata))
			.toList());
		hits.sort(Comparator.comparingDouble((entry) -> cosineDistance(query, entry.getValue().vector)));
		hits = hits.subList(0, Math.min(hits.size(), request.path("n_results").asInt(10)));
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("ids", List.of(hits.stream().map(Map.Entry::getKey).toList()));
		response.put("embeddings", List.of(hits.stream().map((entry) -> entry.getValue().vector).toList()));
		response.put("documents", List.of(hits.stream().map((entry) -> entry.getValue().document).toList()));
		response.put("metadatas", List.of(hits.stream().map((entry) -> entry.getValue().metadata).toList()));
		response.put("distances",
				List.of(hits.stream().map((entry) -> cosineDistance(query, entry.getValue().vector)).toList()));
		response.put("uris", null);
		response.put("include", List.of("metadatas", "documents", "distances", "embeddings"));
		return answer(200, response);
	}

	private ResponseDefinition delete(Collection collection, JsonNode request) {
		if (request.has("ids") && !request.path("ids").isNull()) {
			request.path("ids").forEach((id) -> collection.records.remove(id.asString()));
		}
		JsonNode where = request.path("where");
		if (!where.isMissingNode() && !where.isNull()) {
			collection.records.values().removeIf((record) -> matches(where, record.metadata));
		}
		return answer(200, Map.of());
	}

	private static boolean matches(JsonNode where, Map<String, Object> metadata) {
		if (where.has("$and")) {
			for (JsonNode part : where.path("$and")) {
				if (!matches(part, metadata)) {
					return false;
				}
			}
			return true;
		}
		if (where.has("$or")) {
			for (JsonNode part : where.path("$or")) {
				if (matches(part, metadata)) {
					return true;
				}
			}
			return false;
		}
		for (Map.Entry<String, JsonNode> condition : where.properties()) {
			Object value = metadata.get(condition.getKey());
			JsonNode test = condition.getValue();
			boolean ok;
			if (test.has("$eq")) {
				ok = equal(test.path("$eq"), value);
			}
			else if (test.has("$in")) {
				ok = false;
				for (JsonNode candidate : test.path("$in")) {
					ok |= equal(candidate, value);
				}
			}
			else if (test.isObject()) {
				throw new IllegalArgumentException("the fake does not know the operator in " + test);
			}
			else {
				ok = equal(test, value);
			}
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	private static boolean equal(JsonNode expected, Object actual) {
		if (actual == null) {
			return false;
		}
		return expected.isNumber() ? (actual instanceof Number number && number.doubleValue() == expected.doubleValue())
				: expected.asString().equals(actual.toString());
	}

	private static double cosineDistance(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return 1 - dot / Math.sqrt(na * nb);
	}

	private Collection byId(String id) {
		return this.collections.values().stream().filter((c) -> c.id.equals(id)).findFirst().orElse(null);
	}

	private ResponseDefinition notFound(String message) {
		return answer(404, Map.of("error", "NotFoundError", "message", message));
	}

	private ResponseDefinition answer(int status, Object body) {
		return new ResponseDefinitionBuilder().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(this.json.writeValueAsString(body))
			.build();
	}

	private record Record(float[] vector, String document, Map<String, Object> metadata) {
	}

	private static final class Collection {

		final String id;

		final String name;

		final String space;

		final Map<String, Record> records = new ConcurrentHashMap<>();

		Collection(String id, String name, String space) {
			this.id = id;
			this.name = name;
			this.space = space;
		}

		Map<String, Object> describe(String tenant, String database) {
			Map<String, Object> description = new LinkedHashMap<>();
			description.put("id", this.id);
			description.put("name", this.name);
			description.put("configuration_json", Map.of());
			description.put("metadata", Map.of("hnsw:space", this.space));
			description.put("dimension", null);
			description.put("tenant", tenant);
			description.put("database", database);
			description.put("log_position", 0);
			description.put("version", 0);
			description.put("schema", null);
			return description;
		}

	}

}
