package org.voiceai.providers;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The map from (provider type, provider name or alias) to the factory that builds it. Built once from every
 * {@link ProviderFactory} bean; a name claimed twice for the same type is a startup error, not a silent override.
 */
public final class ProviderRegistry {

	private final Map<Key, ProviderFactory<?>> factories = new HashMap<>();

	public ProviderRegistry(Collection<? extends ProviderFactory<?>> factories) {
		for (ProviderFactory<?> factory : factories) {
			register(factory, factory.name());
			factory.aliases().forEach((alias) -> register(factory, alias));
		}
	}

	private void register(ProviderFactory<?> factory, String name) {
		Key key = new Key(factory.type(), normalize(name));
		ProviderFactory<?> previous = this.factories.putIfAbsent(key, factory);
		if (previous != null && previous != factory) {
			throw new IllegalStateException("Provider name '" + name + "' for type " + factory.type() + " is claimed by both "
					+ previous.getClass().getName() + " and " + factory.getClass().getName());
		}
	}

	@SuppressWarnings("unchecked")
	public <T> Optional<ProviderFactory<T>> find(ProviderType<T> type, String name) {
		if (name == null) {
			return Optional.empty();
		}
		return Optional.ofNullable((ProviderFactory<T>) this.factories.get(new Key(type, normalize(name))));
	}

	/** Canonical name for {@code name} (resolving aliases), or the normalized input when unknown. */
	public String canonicalName(ProviderType<?> type, String name) {
		return find(type, name).map(ProviderFactory::name).orElse(normalize(name));
	}

	/** Every name (canonical and alias) accepted for {@code type}, sorted, for error messages and admin pages. */
	public SortedSet<String> names(ProviderType<?> type) {
		SortedSet<String> names = new TreeSet<>();
		this.factories.keySet().stream().filter((key) -> key.type.equals(type)).forEach((key) -> names.add(key.name));
		return names;
	}

	public List<ProviderFactory<?>> factories() {
		return this.factories.values().stream().distinct().toList();
	}

	private static String normalize(String name) {
		return name.trim().toLowerCase(Locale.ROOT);
	}

	private record Key(ProviderType<?> type, String name) {
	}

}
