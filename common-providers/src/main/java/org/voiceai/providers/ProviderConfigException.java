package org.voiceai.providers;

/**
 * A provider row cannot be turned into a working provider: unknown {@code provider_name}, malformed {@code config}
 * JSON, a missing or invalid key, or a secret that does not decrypt. The message names the domain, the provider and
 * the key, and never contains a secret value, so it can be shown to an admin as it is.
 */
public class ProviderConfigException extends RuntimeException {

	private final transient ProviderContext context;

	private final String key;

	public ProviderConfigException(ProviderContext context, String key, String problem) {
		super(message(context, key, problem));
		this.context = context;
		this.key = key;
	}

	private static String message(ProviderContext context, String key, String problem) {
		String subject = (key != null) ? "config key '" + key + "' " : "";
		String text = subject + problem;
		return Character.toUpperCase(context.describe().charAt(0)) + context.describe().substring(1) + ": " + text;
	}

	public ProviderContext context() {
		return this.context;
	}

	/** The offending config key, or {@code null} when the problem is not about one key. */
	public String key() {
		return this.key;
	}

}
