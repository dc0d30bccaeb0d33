package org.voiceai.providers.openai;

/**
 * One service reached through the OpenAI Chat Completions protocol: its own {@code provider_name} and defaults, the
 * same code ({@link OpenAiChatModelsFactory}). Groq, Ollama, LM Studio and Azure OpenAI are configuration, not code
 * paths of their own.
 *
 * @param name the canonical {@code provider_name}
 * @param defaultBaseUrl the service's base URL when the row gives none; {@code null} for Azure, whose URL is built
 * from the row's resource {@code endpoint}
 * @param defaultModel the model when the row names none; {@code null} for Azure, where the row names a deployment
 * @param apiKeyRequired whether the row must hold an {@code api_key} (local servers need none)
 * @param azure Azure's v1 API: the key goes in an {@code api-key} header and the model is the deployment name
 * @param bareUrlGetsV1 a {@code base_url} without a path gets {@code /v1}: the Python reference called Ollama's
 * native API at {@code http://localhost:11434}, whose OpenAI-compatible API is under {@code /v1}
 */
public record OpenAiChatVariant(String name, String defaultBaseUrl, String defaultModel, boolean apiKeyRequired,
		boolean azure, boolean bareUrlGetsV1) {

	public static final OpenAiChatVariant OPENAI = new OpenAiChatVariant("openai", "https://api.openai.com/v1",
			"gpt-4o-mini", true, false, false);

	public static final OpenAiChatVariant GROQ = new OpenAiChatVariant("groq", "https://api.groq.com/openai/v1",
			"llama-3.3-70b-versatile", true, false, false);

	public static final OpenAiChatVariant OLLAMA_LOCAL = new OpenAiChatVariant("ollama_local",
			"http://localhost:11434/v1", "llama3.2", false, false, true);

	public static final OpenAiChatVariant LMSTUDIO_LOCAL = new OpenAiChatVariant("lmstudio_local",
			"http://localhost:1234/v1", "local-model", false, false, true);

	public static final OpenAiChatVariant AZURE_OPENAI = new OpenAiChatVariant("azure_openai", null, null, true, true,
			false);

}
