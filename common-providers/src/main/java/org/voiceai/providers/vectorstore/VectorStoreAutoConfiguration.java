package org.voiceai.providers.vectorstore;

import java.nio.file.Path;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The knowledge base's {@link VectorStore}: the embedded Lucene store unless {@code voice-ai.vector-store.type} is
 * {@code chroma}. Creating either touches neither disk nor network; indexes and collections open on first use.
 */
@AutoConfiguration
@EnableConfigurationProperties(VectorStoreProperties.class)
public final class VectorStoreAutoConfiguration {

	/** Queued tasks beyond the busy threads; more means the store cannot keep up, and callers get an error. */
	private static final int QUEUE = 10_000;

	@Bean
	@ConditionalOnMissingBean(VectorStore.class)
	@ConditionalOnProperty(name = "voice-ai.vector-store.type", havingValue = "chroma")
	ChromaVectorStore chromaVectorStore(VectorStoreProperties properties) {
		return new ChromaVectorStore(properties.chroma().settings(), scheduler(properties));
	}

	@Bean
	@ConditionalOnMissingBean(VectorStore.class)
	@ConditionalOnProperty(name = "voice-ai.vector-store.type", havingValue = "embedded", matchIfMissing = true)
	LuceneVectorStore luceneVectorStore(VectorStoreProperties properties, Environment environment) {
		Path directory = (properties.directory() != null) ? properties.directory()
				: Path.of(environment.getProperty("voice-ai.home", System.getProperty("user.home") + "/.voice-ai"),
						"vectors");
		return new LuceneVectorStore(directory, scheduler(properties), properties.mergeAfterIdle());
	}

	private static Scheduler scheduler(VectorStoreProperties properties) {
		return Schedulers.newBoundedElastic(properties.threads(), QUEUE, "vector-store");
	}

}
