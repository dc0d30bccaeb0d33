package org.voiceai.service.knowledge;

import java.util.Locale;

import dev.langchain4j.model.embedding.EmbeddingModel;
import reactor.core.publisher.Mono;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.NoUsableProviderException;
import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.providers.manager.ProviderSelector;
import org.voiceai.providers.manager.ResolvedProvider;
import org.voiceai.tenant.DomainId;

/**
 * Which embedding model a domain's knowledge base uses: the domain's embeddings provider (default first), or, when
 * it configures none, the in-process model. There is deliberately no failover to another provider: vectors of two
 * models cannot be compared, so a failing provider fails the ingestion or search instead of mixing spaces. A domain
 * that has providers but none usable gets that error too, rather than a silent switch to another model.
 */
public class KnowledgeEmbeddings {

	private final ProviderManager providers;

	private final LocalEmbeddingModel local;

	public KnowledgeEmbeddings(ProviderManager providers, LocalEmbeddingModel local) {
		this.providers = providers;
		this.local = local;
	}

	public Mono<DomainEmbedder> forDomain(DomainId domain) {
		return this.providers.resolve(domain, ProviderType.EMBEDDINGS, ProviderSelector.byDefault())
			.map(KnowledgeEmbeddings::embedder)
			.onErrorResume(NoUsableProviderException.class,
					(ex) -> ex.problems().isEmpty() ? Mono.fromSupplier(this.local::embedder) : Mono.error(ex));
	}

	private static DomainEmbedder embedder(ResolvedProvider<EmbeddingModel> provider) {
		String model = provider.instance().modelName();
		String name = provider.providerName().toLowerCase(Locale.ROOT);
		if (model == null || model.isBlank() || "unknown".equalsIgnoreCase(model)) {
			// Without a model name the row identifies the model: another row may use another one.
			model = String.valueOf(provider.context().providerUuid());
		}
		return new DomainEmbedder(name + ":" + model, provider.instance());
	}

}
