package org.voiceai.audio;

/** Audio that cannot be used as given: the message says what is wrong, in words an operator understands. */
public class InvalidAudioException extends IllegalArgumentException {

	public InvalidAudioException(String message) {
		super(message);
	}

}
