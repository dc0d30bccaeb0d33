package org.voiceai.providers.openai;

import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.llm.ModelTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code azure_openai}: Azure OpenAI's v1 API at {@code {endpoint}/openai/v1}, the key in an {@code api-key}
 * header (and not also as a bearer token), the deployment name as the model.
 */
class OpenAiChatAzureTest extends OpenAiChatProtocolContract {

	@Override
	protected OpenAiChatVariant variant() {
		return OpenAiChatVariant.AZURE_OPENAI;
	}

	@Override
	protected String basePath() {
		return "/openai/v1";
	}

	@Override
	protected String expectedModel() {
		return "secretaria-gpt4o";
	}

	/** The Python reference's keys: the resource endpoint and the deployment name. */
	@Override
	protected Map<String, Object> config(String fakeUrl) {
		return Map.of("endpoint", fakeUrl + "/", "deployment_name", "secretaria-gpt4o", "api_key", API_KEY,
				"api_version", "2024-02-15-preview", "timeout_seconds", 1);
	}

	@Override
	protected void assertAuthentication(LoggedRequest request) {
		assertThat(request.getHeader("api-key")).isEqualTo(API_KEY);
		assertThat(request.containsHeader("Authorization")).isFalse();
	}

	@Override
	protected Map<String, Object> badConfig(String fakeUrl) {
		return Map.of("endpoint", fakeUrl, "api_key", API_KEY);
	}

	@Override
	protected String badConfigKey() {
		return "deployment_name";
	}

	@Test
	void theUrlComesFromEndpointOrAzureEndpointOrBaseUrl() {
		assertThat(baseUrl(Map.of("endpoint", "https://clinica.openai.azure.com"))).isEqualTo(
				"https://clinica.openai.azure.com/openai/v1");
		assertThat(baseUrl(Map.of("azure_endpoint", "https://clinica.openai.azure.com/openai/"))).isEqualTo(
				"https://clinica.openai.azure.com/openai/v1");
		assertThat(baseUrl(Map.of("endpoint", "https://clinica.openai.azure.com/openai/v1"))).isEqualTo(
				"https://clinica.openai.azure.com/openai/v1");
		assertThat(baseUrl(Map.of("base_url", "https://gateway.example.com/azure/v1",
				"endpoint", "https://clinica.openai.azure.com"))).isEqualTo("https://gateway.example.com/azure/v1");
	}

	@Test
	void theDeploymentMayBeNamedDeployment() {
		OpenAiChatSettings settings = OpenAiChatSettings.read(ModelTestKit.config(ProviderType.LLM, "azure_openai",
				Map.of("endpoint", "https://clinica.openai.azure.com", "deployment", "gpt4o", "api_key", API_KEY)),
				variant());

		assertThat(settings.model()).isEqualTo("gpt4o");
		assertThat(settings.apiKey()).isNull();
		assertThat(settings.headers()).containsEntry("api-key", API_KEY);
		assertThat(settings.toString()).doesNotContain(API_KEY);
	}

	@Test
	void aDeploymentUrlAsEndpointIsRefused() {
		assertThatThrownBy(() -> baseUrl(Map.of("endpoint", "https://clinica.openai.azure.com/openai/deployments/gpt4o")))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("'endpoint' must be the resource endpoint");
	}

	@Test
	void aRowWithoutEndpointIsRefused() {
		assertThatThrownBy(() -> baseUrl(Map.of("deployment_name", "gpt4o")))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("'azure_endpoint' is missing");
	}

	private static String baseUrl(Map<String, Object> values) {
		return OpenAiChatSettings.azureBaseUrl(ModelTestKit.config(ProviderType.LLM, "azure_openai", values)).toString();
	}

}
