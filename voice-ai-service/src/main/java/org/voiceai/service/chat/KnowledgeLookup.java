package org.voiceai.service.chat;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.voiceai.tenant.DomainId;

/**
 * Finds the knowledge-base passages that may answer a caller's question, for one domain and secretary. The
 * knowledge base provides the implementation; without one, chat answers from its prompt alone.
 */
@FunctionalInterface
public interface KnowledgeLookup {

	Mono<List<KnowledgeSnippet>> find(DomainId domain, UUID secretary, String question);

}
