package org.voiceai.service.conversations;

/** The provider names ({@code provider_name}) that served a message's stages; null for a stage that did not run. */
public record StageProviders(String stt, String llm, String tts) {

	/** No provider involved (e.g. a typed or system message). */
	public static final StageProviders NONE = new StageProviders(null, null, null);

}
