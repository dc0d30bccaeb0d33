package org.voiceai.providers.secret;

/** An encrypted secret could not be decrypted. The message says why, never what the value was. */
public class SecretDecryptionException extends RuntimeException {

	public SecretDecryptionException(String message) {
		super(message);
	}

}
