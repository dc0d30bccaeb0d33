package org.voiceai.service.webhook;

import java.net.InetSocketAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Webhooks go to public http(s) addresses only, unless internal targets are explicitly allowed. */
class SafeUrlPolicyTest {

	private final SafeUrlPolicy policy = new SafeUrlPolicy(false);

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
		"http://127.0.0.1:8080/hook?token=s3cret | loopback",
		"http://127.9.9.9/hook                   | loopback",
		"http://localhost/hook                   | loopback",
		"http://[::1]/hook                       | loopback",
		"http://10.1.2.3/hook                    | private",
		"http://172.16.0.1/hook                  | private",
		"http://172.31.255.254/hook              | private",
		"http://192.168.1.10/hook                | private",
		"http://[fc00::1]/hook                   | private",
		"http://[fd12:3456::1]/hook              | private",
		"http://169.254.169.254/latest/meta-data | link-local (cloud metadata)",
		"http://[fe80::1]/hook                   | link-local (cloud metadata)",
		"http://224.0.0.1/hook                   | multicast",
		"http://[ff02::1]/hook                   | multicast",
		"http://0.0.0.0/hook                     | unspecified",
		"http://[::]/hook                        | unspecified",
		"http://100.100.100.200/hook             | shared (carrier-grade NAT)",
		"http://240.0.0.1/hook                   | reserved",
		"http://[::ffff:127.0.0.1]/hook          | loopback",
		"http://[::ffff:169.254.169.254]/hook    | link-local (cloud metadata)",
		"http://[::10.0.0.1]/hook                | private",
		"http://[64:ff9b::a9fe:a9fe]/hook        | link-local (cloud metadata)" })
	void internalAddressesAreRefusedWithTheReasonButNotThePathOrQuery(String url, String kind) {
		assertThatThrownBy(() -> this.policy.check(url).block()).isInstanceOf(UnsafeUrlException.class)
			.hasMessageContaining("a " + kind + " address")
			.hasMessageContaining("allow-private-networks")
			.hasMessageNotContainingAny("s3cret", "/hook", "meta-data");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://203.0.113.10/hook", "file:///etc/passwd", "gopher://203.0.113.10/",
			"http:///nohost", "not a url", "" })
	void onlyHttpAndHttpsWithAHostAreAccepted(String url) {
		assertThatThrownBy(() -> this.policy.check(url).block()).isInstanceOf(UnsafeUrlException.class)
			.hasMessageStartingWith("webhook URL refused");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://203.0.113.10/hook", "http://8.8.8.8:8080/a?b=c", "HTTPS://[2606:4700::1111]/x",
			"http://172.32.0.1/", "http://100.128.0.1/", "http://11.0.0.1/" })
	void publicAddressesAreAccepted(String url) {
		assertThat(this.policy.check(url).block()).isNotNull();
	}

	@Test
	void allowingPrivateNetworksAcceptsInternalTargetsButStillOnlyHttp() {
		SafeUrlPolicy permissive = new SafeUrlPolicy(true);
		assertThat(permissive.check("http://127.0.0.1:9000/hook").block()).hasHost("127.0.0.1");
		assertThat(permissive.check("http://169.254.169.254/").block()).isNotNull();
		assertThatThrownBy(() -> permissive.check("file:///etc/passwd").block()).isInstanceOf(UnsafeUrlException.class);
	}

	@Test
	void theClientsResolverRefusesToConnectToAnInternalAddress() throws Exception {
		SafeAddressResolverGroup group = new SafeAddressResolverGroup(this.policy, Schedulers.boundedElastic());
		Future<InetSocketAddress> resolved = group.getResolver(ImmediateEventExecutor.INSTANCE)
			.resolve(InetSocketAddress.createUnresolved("localhost", 80))
			.await();
		assertThat(resolved.isSuccess()).isFalse();
		assertThat(resolved.cause()).isInstanceOf(UnsafeUrlException.class).hasMessageContaining("loopback");
		group.close();
	}

	@Test
	void theResolverOfAPermissivePolicyResolves() throws Exception {
		SafeAddressResolverGroup group = new SafeAddressResolverGroup(new SafeUrlPolicy(true),
				Schedulers.boundedElastic());
		Future<InetSocketAddress> resolved = group.getResolver(ImmediateEventExecutor.INSTANCE)
			.resolve(InetSocketAddress.createUnresolved("localhost", 80))
			.await();
		assertThat(resolved.getNow().getAddress().isLoopbackAddress()).isTrue();
		group.close();
	}

}
