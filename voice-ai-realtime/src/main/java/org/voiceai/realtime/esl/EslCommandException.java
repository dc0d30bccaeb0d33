package org.voiceai.realtime.esl;

/**
 * An ESL API command failed: FreeSWITCH answered {@code -ERR ...}, the connection was down or dropped, or the reply
 * did not come in time. The message names the command and says which.
 */
public class EslCommandException extends RuntimeException {

	private final String command;

	public EslCommandException(String command, String message) {
		super(message);
		this.command = command;
	}

	/** The API command (without the {@code api} prefix) that failed. */
	public String command() {
		return this.command;
	}

}
