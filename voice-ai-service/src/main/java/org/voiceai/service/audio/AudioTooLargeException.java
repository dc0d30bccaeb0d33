package org.voiceai.service.audio;

/** Audio over the configured upload limit (answered with 413). */
public class AudioTooLargeException extends RuntimeException {

	public AudioTooLargeException(long size, long limit) {
		super("Audio of " + size + " bytes is over the limit of " + limit + " bytes");
	}

}
