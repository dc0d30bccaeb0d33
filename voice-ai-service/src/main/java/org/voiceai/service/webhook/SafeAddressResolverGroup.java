package org.voiceai.service.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Consumer;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import reactor.core.scheduler.Scheduler;

/**
 * The webhook client's name resolver: the only addresses it connects to are those {@link SafeUrlPolicy} accepted
 * in the same lookup, which closes the gap a DNS answer changing after the check (DNS rebinding) would open. The
 * JDK lookup blocks, so it runs on {@code lookups} and never on a Netty event loop.
 */
class SafeAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

	private final SafeUrlPolicy policy;

	private final Scheduler lookups;

	SafeAddressResolverGroup(SafeUrlPolicy policy, Scheduler lookups) {
		this.policy = policy;
		this.lookups = lookups;
	}

	@Override
	protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
		return new CheckedNameResolver(executor).asAddressResolver();
	}

	private final class CheckedNameResolver extends InetNameResolver {

		CheckedNameResolver(EventExecutor executor) {
			super(executor);
		}

		@Override
		protected void doResolve(String host, Promise<InetAddress> promise) {
			lookup(host, (addresses) -> promise.setSuccess(addresses.get(0)), promise);
		}

		@Override
		protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
			lookup(host, promise::setSuccess, promise);
		}

		private void lookup(String host, Consumer<List<InetAddress>> onSuccess, Promise<?> promise) {
			SafeAddressResolverGroup.this.lookups.schedule(() -> {
				try {
					onSuccess.accept(SafeAddressResolverGroup.this.policy.resolve(host));
				}
				catch (Exception ex) {
					promise.tryFailure(ex);
				}
			});
		}

	}

}
