package org.voiceai.realtime.stream;

import org.springframework.web.reactive.socket.CloseStatus;

/** A stream the bridge will not serve, with the close code and reason FreeSWITCH receives. */
public class StreamRefusedException extends RuntimeException {

	private final int code;

	public StreamRefusedException(int code, String reason) {
		super(reason);
		this.code = code;
	}

	public CloseStatus closeStatus() {
		return StreamCloseCodes.status(this.code, getMessage());
	}

	public int code() {
		return this.code;
	}

}
