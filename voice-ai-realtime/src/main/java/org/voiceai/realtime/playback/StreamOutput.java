package org.voiceai.realtime.playback;

/** The call's WebSocket towards FreeSWITCH, as the playback sinks write to it. Implementations never block. */
public interface StreamOutput {

	void sendBinary(byte[] data);

	void sendText(String text);

}
