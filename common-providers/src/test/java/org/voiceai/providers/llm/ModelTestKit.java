package org.voiceai.providers.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderContext;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.http.HttpErrorMapper;
import org.voiceai.providers.secret.SecretCipher;
import org.voiceai.tenant.DomainId;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

/** What the chat and embedding provider tests share: rows, a fake server, JSON. */
public final class ModelTestKit {

	public static final DomainId DOMAIN = DomainId.parse("7c0f5e2a-1b4e-4c1d-9a3f-2b6d8e0a1c55");

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SecretCipher CIPHER = new SecretCipher(new byte[32]);

	private ModelTestKit() {
	}

	/** A provider row's config as the manager hands it to a factory. */
	public static ProviderConfig config(ProviderType<?> type, String providerName, Map<String, Object> values) {
		return new ProviderConfig(new ProviderContext(DOMAIN, type, UUID.randomUUID(), providerName), values, CIPHER);
	}

	/** {@code plain} encrypted for {@link #DOMAIN}, as FusionPBX stores an API key. */
	public static String encrypted(String plain) {
		return CIPHER.encrypt(plain, DOMAIN);
	}

	public static HttpErrorMapper httpErrors() {
		return new HttpErrorMapper(JSON);
	}

	/**
	 * A started fake, already past its first request: a cold JVM takes longer than the tests' one-second timeouts to
	 * serve it.
	 */
	public static WireMockServer startFake() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		server.stubFor(post("/warm-up").withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
			.willReturn(okJson("{}")));
		HttpRequest warmUp = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/warm-up"))
			.POST(BodyPublishers.ofString("{\"stream\":false}"))
			.build();
		try {
			HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(warmUp, BodyHandlers.discarding());
			server.resetAll();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return server;
	}

	public static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
