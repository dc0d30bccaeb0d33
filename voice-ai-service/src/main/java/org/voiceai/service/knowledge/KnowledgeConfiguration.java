package org.voiceai.service.knowledge;

import reactor.core.scheduler.Schedulers;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.providers.embeddings.LocalEmbeddingsFactory;
import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.service.chat.KnowledgeLookup;
import org.voiceai.service.chat.KnowledgeSnippet;
import org.voiceai.providers.vectorstore.VectorStore;

/** Retrieval wiring: the fallback embedding model, the per-domain model choice, and the search. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeProperties.class)
class KnowledgeConfiguration {

	/** Queued query embeddings beyond the busy threads before searches are refused. */
	private static final int QUEUE = 1_000;

	@Bean
	LocalEmbeddingModel localEmbeddingModel(LocalEmbeddingsFactory local) {
		// The same model instance as the domains' 'local' embeddings provider: one copy per process.
		return new LocalEmbeddingModel(local::sharedModel);
	}

	@Bean
	KnowledgeEmbeddings knowledgeEmbeddings(ProviderManager providers, LocalEmbeddingModel local) {
		return new KnowledgeEmbeddings(providers, local);
	}

	@Bean
	KnowledgeSources knowledgeSources(DatabaseClient database) {
		return new KnowledgeSources(database);
	}

	@Bean
	KnowledgeSearch knowledgeSearch(KnowledgeEmbeddings embeddings, VectorStore store, KnowledgeSources sources,
			KnowledgeProperties properties) {
		return new KnowledgeSearch(embeddings, store, sources,
				Schedulers.newBoundedElastic(properties.threads(), QUEUE, "knowledge-search"));
	}


	/** What /chat uses: the domain's best passages for the caller's question, with their sources. */
	@Bean
	KnowledgeLookup knowledgeLookup(KnowledgeSearch search, KnowledgeProperties properties) {
		return (domain, secretary, question) -> search
			.search(domain, question, secretary, properties.topK(), properties.minScore())
			.map((hits) -> hits.stream()
				.map((hit) -> new KnowledgeSnippet(hit.documentName(), hit.pageNumber(), hit.content(), hit.score()))
				.toList());
	}

}
