package org.voiceai.realtime.tool;

import java.time.Duration;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.reactive.function.client.WebClient;

import org.voiceai.realtime.call.CallContext;

/**
 * {@code search_knowledge_base(query)}: asks voice-ai-service's {@code GET /api/v1/knowledge/search} (which owns the
 * embeddings and the vector store) for the passages of the domain's documents that answer the question.
 */
public class KnowledgeSearchTool implements CallTool {

	private static final Logger logger = LoggerFactory.getLogger(KnowledgeSearchTool.class);

	private final WebClient service;

	private final JsonMapper json;

	private final Duration timeout;

	/** @param service a client with the service's base URL and the bearer token set */
	public KnowledgeSearchTool(WebClient service, JsonMapper json, Duration timeout) {
		this.service = service;
		this.json = json;
		this.timeout = timeout;
	}

	@Override
	public ToolSpecification specification() {
		return ToolSpecification.builder()
			.name("search_knowledge_base")
			.description("Search the company's documents (policies, prices, FAQ) for the answer to a question.")
			.parameters(JsonObjectSchema.builder()
				.addStringProperty("query", "the question, in the caller's language")
				.required("query")
				.build())
			.build();
	}

	@Override
	public Mono<ToolResult> invoke(CallContext call, JsonNode arguments) {
		String query = arguments.path("query").asString("").strip();
		if (query.isEmpty()) {
			return Mono.just(ToolResult.answer("{\"ok\":false,\"error\":\"empty query\"}"));
		}
		return this.service.get()
			.uri((uri) -> uri.path("/api/v1/knowledge/search")
				.queryParam("q", "{q}")
				.queryParam("secretary_uuid", call.secretary().uuid())
				.queryParam("top_k", 3)
				.build(query))
			.header("X-Domain-UUID", call.domain().value().toString())
			.retrieve()
			.bodyToMono(JsonNode.class)
			.timeout(this.timeout)
			.map(this::passages)
			.onErrorResume((error) -> {
				logger.warn("Knowledge search failed for call {}: {}", call.callUuid(), error.toString());
				return Mono.just(ToolResult.answer("{\"ok\":false,\"error\":\"The knowledge base is not available "
						+ "right now.\"}"));
			});
	}

	private ToolResult passages(JsonNode response) {
		ObjectNode output = this.json.createObjectNode();
		ArrayNode results = output.putArray("results");
		for (JsonNode hit : response.path("hits")) {
			ObjectNode result = results.addObject();
			result.put("source", hit.path("document_name").asString(""));
			result.put("text", hit.path("content").asString(""));
		}
		output.put("ok", !results.isEmpty());
		if (results.isEmpty()) {
			output.put("error", "Nothing in the documents answers this.");
		}
		return ToolResult.answer(output.toString());
	}

}
