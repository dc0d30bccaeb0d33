package org.voiceai.service.knowledge;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.voiceai.tenant.DomainId;

/** Searches a domain's knowledge base: for admins testing their documents, and for the realtime bridge's tool. */
@RestController
class KnowledgeController {

	private final KnowledgeSearch search;

	private final KnowledgeProperties properties;

	KnowledgeController(KnowledgeSearch search, KnowledgeProperties properties) {
		this.search = search;
		this.properties = properties;
	}

	@GetMapping("/api/v1/knowledge/search")
	@Operation(summary = "The chunks of the domain's documents that best answer a question, with their sources")
	Mono<KnowledgeSearchResponse> search(@Parameter(hidden = true) DomainId domain, @RequestParam("q") String query,
			@RequestParam(name = "secretary_uuid", required = false) UUID secretaryUuid,
			@RequestParam(name = "top_k", required = false) Integer topK,
			@RequestParam(name = "min_score", required = false) Double minScore) {
		int k = (topK != null) ? topK : this.properties.topK();
		if (k < 1 || k > this.properties.maxTopK()) {
			return Mono.error(new IllegalArgumentException("top_k must be between 1 and " + this.properties.maxTopK()));
		}
		double score = (minScore != null) ? minScore : this.properties.minScore();
		if (score < 0 || score > 1) {
			return Mono.error(new IllegalArgumentException("min_score must be between 0 and 1"));
		}
		return this.search.search(domain, query, secretaryUuid, k, score)
			.map((hits) -> new KnowledgeSearchResponse(query, hits));
	}

}
