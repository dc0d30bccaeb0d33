package org.voiceai.realtime.esl;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Framing by header block and byte-counted Content-Length, however TCP splits or joins the bytes. */
class EslFrameDecoderTest {

	private static final String STREAM = "Content-Type: auth/request\n\n"
			+ "Content-Type: command/reply\nReply-Text: +OK accepted\n\n"
			+ "Content-Type: api/response\nContent-Length: 14\n\n-ERR Grüße!\n\n"
			+ "Content-Length: 5\nContent-Type: text/event-json\n\n{\"a\"}";

	@Test
	void decodesMessagesFedOneByteAtATime() {
		EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder());
		for (byte b : STREAM.getBytes(StandardCharsets.UTF_8)) {
			channel.writeInbound(Unpooled.wrappedBuffer(new byte[] { b }));
		}
		assertMessages(channel);
	}

	@Test
	void decodesMessagesArrivingInOneBuffer() {
		EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder());
		channel.writeInbound(Unpooled.copiedBuffer(STREAM, StandardCharsets.UTF_8));
		assertMessages(channel);
	}

	@Test
	void refusesAnAbsurdContentLength() {
		EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder());
		assertThatThrownBy(() -> channel.writeInbound(Unpooled
			.copiedBuffer("Content-Type: api/response\nContent-Length: 999999999\n\n", StandardCharsets.UTF_8)))
			.isInstanceOf(DecoderException.class)
			.hasMessageContaining("Content-Length");
	}

	private static void assertMessages(EmbeddedChannel channel) {
		EslMessage auth = channel.readInbound();
		assertThat(auth.contentType()).isEqualTo("auth/request");
		assertThat(auth.body()).isEmpty();
		EslMessage reply = channel.readInbound();
		assertThat(reply.header("Reply-Text")).isEqualTo("+OK accepted");
		EslMessage api = channel.readInbound();
		assertThat(api.contentType()).isEqualTo("api/response");
		// 14 bytes: "ü" and "ß" are two bytes each, so the body is 12 characters.
		assertThat(api.body()).isEqualTo("-ERR Grüße!\n\n".substring(0, 12));
		EslMessage event = channel.readInbound();
		assertThat(event.contentType()).isEqualTo("text/event-json");
		assertThat(event.body()).isEqualTo("{\"a\"}");
		assertThat((Object) channel.readInbound()).isNull();
	}

}
