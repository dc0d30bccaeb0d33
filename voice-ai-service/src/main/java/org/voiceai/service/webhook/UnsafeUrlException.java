package org.voiceai.service.webhook;

/**
 * A webhook URL the {@link SafeUrlPolicy} refuses. Permanent: retrying cannot help, so the delivery ends as 'dead'.
 * The message names the host and the reason, never the path or query (they may carry a receiver's token).
 */
public class UnsafeUrlException extends RuntimeException {

	UnsafeUrlException(String message) {
		super(message);
	}

}
