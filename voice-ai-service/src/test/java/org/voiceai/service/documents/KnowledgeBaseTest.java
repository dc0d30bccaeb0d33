package org.voiceai.service.documents;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.TestPropertySource;

import org.voiceai.testing.EmbeddedDefaults;

/**
 * The service on its embedded defaults (real PostgreSQL, the embedded Lucene store under {@code target/}, the real
 * local embedding model), shared by the knowledge-base test classes (and the others that need documents) so they
 * start one context. The DOCX unpack limit is lowered so the zip-bomb fixture stays small.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
@EmbeddedDefaults
@TestPropertySource(properties = { "voice-ai.documents.max-unpacked-size=20MB",
		"voice-ai.documents.storage-directory=target/kb-test/documents",
		"voice-ai.vector-store.directory=target/kb-test/vectors",
		// Provider fakes answer at once; the first call of a model on a busy machine may not.
		"voice-ai.providers.attempt-timeout=30s" })
public @interface KnowledgeBaseTest {

}
