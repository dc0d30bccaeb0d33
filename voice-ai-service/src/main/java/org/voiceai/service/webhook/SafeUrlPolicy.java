package org.voiceai.service.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps webhooks from being an open relay into our own network. A secretary's {@code webhook_url} is typed by a
 * tenant admin, so by default it may only be http(s) to a public address: a host that resolves to a loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), shared (100.64/10), link-local (169.254/16, fe80::/10: cloud
 * metadata), multicast, unspecified or reserved address is refused, even if only one of its addresses is. Checked when
 * a delivery is queued and again when it is sent, and the sending client connects only to addresses checked here
 * ({@link SafeAddressResolverGroup}), so a DNS answer that changes between check and connect gains nothing.
 */
public class SafeUrlPolicy {

	private static final String ALLOW_HINT = "; set voice-ai.webhooks.allow-private-networks=true to allow "
			+ "internal targets";

	private final boolean allowPrivateNetworks;

	public SafeUrlPolicy(boolean allowPrivateNetworks) {
		this.allowPrivateNetworks = allowPrivateNetworks;
	}

	public boolean allowsPrivateNetworks() {
		return this.allowPrivateNetworks;
	}

	/**
	 * Checks {@code url} off the event loop (DNS lookups block). Fails with {@link UnsafeUrlException} when refused,
	 * or with {@link UnknownHostException} when the host does not resolve now (that may be temporary).
	 */
	public Mono<URI> check(String url) {
		return Mono.fromCallable(() -> {
			URI uri = parse(url);
			if (!this.allowPrivateNetworks) {
				resolve(uri.getHost());
			}
			return uri;
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/** The URL if its form is acceptable (http or https with a host); no DNS. */
	public URI parse(String url) {
		URI uri;
		try {
			uri = new URI((url != null) ? url.trim() : "");
		}
		catch (URISyntaxException ex) {
			throw new UnsafeUrlException("webhook URL refused: not a valid URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new UnsafeUrlException("webhook URL refused: only http and https are allowed, not '" + scheme + "'");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw new UnsafeUrlException("webhook URL refused: it has no host");
		}
		return uri;
	}

	/**
	 * Resolves {@code host} (blocking) and returns its addresses when every one of them is allowed.
	 * @throws UnsafeUrlException when one of them is not
	 * @throws UnknownHostException when the host does not resolve
	 */
	List<InetAddress> resolve(String host) throws UnknownHostException {
		List<InetAddress> addresses = List.of(InetAddress.getAllByName(host));
		if (!this.allowPrivateNetworks) {
			for (InetAddress address : addresses) {
				String kind = internalKind(address);
				if (kind != null) {
					throw new UnsafeUrlException("webhook URL refused: host '" + host + "' resolves to "
							+ address.getHostAddress() + ", a " + kind + " address" + ALLOW_HINT);
				}
			}
		}
		return addresses;
	}

	/** What kind of internal address this is, or null for a public one. */
	static String internalKind(InetAddress address) {
		if (address instanceof Inet6Address v6) {
			InetAddress embedded = embeddedIpv4(v6.getAddress());
			if (embedded != null) {
				return internalKind(embedded);
			}
		}
		if (address.isAnyLocalAddress()) {
			return "unspecified";
		}
		if (address.isLoopbackAddress()) {
			return "loopback";
		}
		if (address.isLinkLocalAddress()) {
			return "link-local (cloud metadata)";
		}
		if (address.isMulticastAddress()) {
			return "multicast";
		}
		if (address.isSiteLocalAddress()) {
			return "private";
		}
		byte[] bytes = address.getAddress();
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		if (address instanceof Inet4Address) {
			if (first == 0 || first >= 240) {
				return "reserved";
			}
			if (first == 100 && second >= 64 && second < 128) {
				return "shared (carrier-grade NAT)";
			}
			if (first == 198 && (second == 18 || second == 19)) {
				return "reserved";
			}
			return null;
		}
		return ((first & 0xfe) == 0xfc) ? "private" : null;
	}

	/**
	 * The IPv4 address inside an IPv4-compatible ({@code ::a.b.c.d}) or NAT64 ({@code 64:ff9b::a.b.c.d}) IPv6
	 * address, which reach that IPv4 host; IPv4-mapped addresses Java already turns into IPv4.
	 */
	private static InetAddress embeddedIpv4(byte[] v6) {
		boolean compatible = true;
		for (int i = 0; i < 12; i++) {
			compatible &= v6[i] == 0;
		}
		boolean nat64 = (v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff
				&& (v6[3] & 0xff) == 0x9b;
		for (int i = 4; nat64 && i < 12; i++) {
			nat64 = v6[i] == 0;
		}
		if (!compatible && !nat64) {
			return null;
		}
		if (compatible && v6[12] == 0 && v6[13] == 0 && v6[14] == 0 && (v6[15] == 0 || v6[15] == 1)) {
			return null; // :: and ::1 themselves, classified as IPv6
		}
		try {
			return InetAddress.getByAddress(new byte[] { v6[12], v6[13], v6[14], v6[15] });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
