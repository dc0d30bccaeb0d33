package org.voiceai.service.knowledge;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code GET /api/v1/knowledge/search}.
 *
 * @param query the question as searched
 * @param hits the best chunks first, each with its source
 */
record KnowledgeSearchResponse(@JsonProperty("query") String query, @JsonProperty("hits") List<KnowledgeHit> hits) {

}
