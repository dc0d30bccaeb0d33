package org.voiceai.realtime.esl;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;

/**
 * Splits FreeSWITCH's byte stream into {@link EslMessage}s: {@code Name: value} header lines ended by an empty line,
 * then exactly {@code Content-Length} bytes of body when that header is present. The length counts bytes, not
 * characters, so the body is cut before it is decoded as UTF-8.
 */
final class EslFrameDecoder extends ByteToMessageDecoder {

	/** FreeSWITCH's header blocks are a few hundred bytes; anything this long is not ESL. */
	static final int MAX_HEADER_BYTES = 64 * 1024;

	/** An event with every channel variable is tens of kilobytes; this bounds what a broken peer can make us hold. */
	static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
		while (in.isReadable()) {
			int start = in.readerIndex();
			int end = headerEnd(in, start);
			if (end < 0) {
				if (in.readableBytes() > MAX_HEADER_BYTES) {
					throw new TooLongFrameException("ESL header block longer than " + MAX_HEADER_BYTES + " bytes");
				}
				return;
			}
			Map<String, String> headers = parseHeaders(in.toString(start, end - start, StandardCharsets.UTF_8));
			int bodyStart = end + 2;
			int length = contentLength(headers);
			if (in.writerIndex() - bodyStart < length) {
				return;
			}
			String body = (length == 0) ? "" : in.toString(bodyStart, length, StandardCharsets.UTF_8);
			in.readerIndex(bodyStart + length);
			if (!headers.isEmpty()) {
				out.add(new EslMessage(headers, body));
			}
		}
	}

	/** Index of the first of the two line feeds that end the header block, or -1 if it has not all arrived. */
	private static int headerEnd(ByteBuf in, int from) {
		int last = in.writerIndex() - 1;
		for (int i = from; i < last; i++) {
			if (in.getByte(i) == '\n' && in.getByte(i + 1) == '\n') {
				return i;
			}
		}
		return -1;
	}

	private static Map<String, String> parseHeaders(String block) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line : block.split("\n")) {
			if (line.isEmpty()) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw new CorruptedFrameException("not an ESL header line: " + abbreviate(line));
			}
			String value = line.substring(colon + 1);
			headers.put(line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value);
		}
		return headers;
	}

	private static int contentLength(Map<String, String> headers) {
		String value = headers.get("Content-Length");
		if (value == null) {
			return 0;
		}
		int length;
		try {
			length = Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new CorruptedFrameException("bad ESL Content-Length: " + abbreviate(value));
		}
		if (length < 0 || length > MAX_BODY_BYTES) {
			throw new TooLongFrameException("ESL Content-Length " + length + " outside 0.." + MAX_BODY_BYTES);
		}
		return length;
	}

	private static String abbreviate(String text) {
		return (text.length() > 80) ? text.substring(0, 80) + "…" : text;
	}

}
