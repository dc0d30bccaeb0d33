package org.voiceai.providers.autoconfigure;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the provider-secret key comes from ({@code voice-ai.secrets.*}).
 *
 * @param key base64 of 32 bytes (VOICE_AI_SECRET_KEY); wins over the file
 * @param keyFile file holding the key; created with a random key when missing and no key is set
 */
@ConfigurationProperties("voice-ai.secrets")
public record SecretsProperties(String key, Path keyFile) {

	@Override
	public String toString() {
		return "SecretsProperties[key=" + ((this.key == null || this.key.isBlank()) ? "unset" : "set") + ", keyFile="
				+ this.keyFile + "]";
	}

}
