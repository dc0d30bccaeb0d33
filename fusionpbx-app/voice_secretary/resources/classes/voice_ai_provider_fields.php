<?php
/*
	Voice Secretary: voice_ai_provider_fields

	The providers the Java service knows (docs/providers.md), per provider_type, with the keys of each one's
	`config` JSON: what the provider edit page shows as fields, and how a submitted form becomes the stored config.

	Field kinds: text, secret (write-only: never printed back, kept when left empty, stored encrypted with
	voice_ai_secrets in the enc:v1: format the Java side reads), url, integer and decimal (options: [min, max], the
	range the service accepts), boolean, select (options: the values the service accepts).
	Names and aliases, keys and defaults are those of docs/providers.md; ProviderFieldsTest compares them with its
	tables, and ProvidersDocumentedTest (Java) compares the tables with the service's factories.
	An empty non-secret field is left out of the config, so the service's default applies (shown as placeholder).
	Keys the form does not know (set by hand or by an older version) are kept, secrets among them stay encrypted.

	No FusionPBX function is used: PHPUnit tests the class under php-cli.
*/

	class voice_ai_provider_fields {

		const types = ['stt', 'tts', 'llm', 'embeddings', 'realtime'];

		/**
		 * type => provider_name => [key => [kind, default or placeholder, required, options]]
		 * @return array
		 */
		public static function catalog(): array {
			$timeout = ['integer', '30', false];
			$openai_stt = ['api_key' => ['secret', '', true], 'base_url' => ['url', 'https://api.openai.com/v1', false],
				'model' => ['select', 'whisper-1', false, ['whisper-1', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe']],
				'language' => ['text', '', false], 'prompt' => ['text', '', false],
				'response_format' => ['select', 'verbose_json', false, ['verbose_json', 'json']], 'timeout_seconds' => $timeout];
			$llm_common = ['temperature' => ['decimal', '0.7', false], 'max_tokens' => ['integer', '500', false], 'timeout_seconds' => $timeout];
			return [
				'stt' => [
					'whisper_api' => $openai_stt,
					'groq' => array_merge($openai_stt, ['base_url' => ['url', 'https://api.groq.com/openai/v1', false],
						'model' => ['text', 'whisper-large-v3-turbo', false]]),
					'whisper_local' => ['base_url' => ['url', '', true], 'api_key' => ['secret', '', false],
						'model' => ['text', 'Systran/faster-whisper-base', false], 'language' => ['text', '', false], 'timeout_seconds' => $timeout],
					'deepgram' => ['api_key' => ['secret', '', true], 'base_url' => ['url', 'https://api.deepgram.com', false],
						'model' => ['text', 'nova-3', false], 'language' => ['text', 'pt-BR', false], 'detect_language' => ['boolean', 'false', false],
						'smart_format' => ['boolean', 'true', false], 'punctuate' => ['boolean', 'true', false], 'timeout_seconds' => $timeout],
					'azure_speech' => ['subscription_key' => ['secret', '', true], 'region' => ['text', 'brazilsouth', false],
						'base_url' => ['url', 'https://{region}.stt.speech.microsoft.com', false], 'language' => ['text', 'pt-BR', false], 'timeout_seconds' => $timeout],
					'google_speech' => ['api_key' => ['secret', '', true], 'base_url' => ['url', 'https://speech.googleapis.com', false],
						'language' => ['text', 'pt-BR', false], 'model' => ['text', '', false], 'timeout_seconds' => $timeout],
				],
				'tts' => [
					'openai_tts' => ['api_key' => ['secret', '', true], 'base_url' => ['url', 'https://api.openai.com/v1', false],
						'model' => ['select', 'gpt-4o-mini-tts', false, ['gpt-4o-mini-tts', 'tts-1', 'tts-1-hd']],
						'voice' => ['select', 'nova', false, ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'nova', 'onyx', 'sage', 'shimmer', 'verse']],
						'instructions' => ['text', '', false], 'timeout_seconds' => $timeout],
					'elevenlabs' => ['api_key' => ['secret', '', true], 'base_url' => ['url', 'https://api.elevenlabs.io', false],
						'voice_id' => ['text', '21m00Tcm4TlvDq8ikWAM', false], 'model_id' => ['text', 'eleven_multilingual_v2', false],
						'stability' => ['decimal', '0.5', false], 'similarity_boost' => ['decimal', '0.75', false], 'style' => ['decimal', '0', false], 'timeout_seconds' => $timeout],
					'azure_neural' => ['subscription_key' => ['secret', '', true], 'region' => ['text', 'brazilsouth', false],
						'base_url' => ['url', '', false], 'voice_name' => ['text', 'pt-BR-FranciscaNeural', false], 'timeout_seconds' => $timeout],
					'google_tts' => ['api_key' => ['secret', '', true], 'base_url' => ['url', 'https://texttospeech.googleapis.com', false],
						'language_code' => ['text', 'pt-BR', false], 'voice_name' => ['text', 'pt-BR-Wavenet-A', false], 'timeout_seconds' => $timeout],
					'deepgram_aura' => ['api_key' => ['secret', '', true], 'base_url' => ['url', 'https://api.deepgram.com', false],
						'model' => ['text', 'aura-2-thalia-en', false], 'timeout_seconds' => $timeout],
					'piper_local' => ['base_url' => ['url', '', true], 'synthesize_path' => ['text', '/', false],
						'voice' => ['text', '', false], 'speaker' => ['text', '', false], 'length_scale' => ['decimal', '1.0', false],
						'noise_scale' => ['decimal', '', false], 'noise_w' => ['decimal', '', false], 'timeout_seconds' => $timeout],
				],
				'llm' => [
					'openai' => array_merge(['api_key' => ['secret', '', true], 'base_url' => ['url', 'https://api.openai.com/v1', false],
						'model' => ['text', 'gpt-4o-mini', false], 'organization' => ['text', '', false]], $llm_common),
					'groq' => array_merge(['api_key' => ['secret', '', true], 'base_url' => ['url', 'https://api.groq.com/openai/v1', false],
						'model' => ['text', 'llama-3.3-70b-versatile', false]], $llm_common),
					'ollama_local' => array_merge(['base_url' => ['url', 'http://localhost:11434/v1', false], 'model' => ['text', 'llama3.2', false],
						'api_key' => ['secret', '', false]], $llm_common),
					'lmstudio_local' => array_merge(['base_url' => ['url', 'http://localhost:1234/v1', false], 'model' => ['text', 'local-model', false],
						'api_key' => ['secret', '', false]], $llm_common),
					'azure_openai' => array_merge(['api_key' => ['secret', '', true], 'endpoint' => ['url', '', true],
						'deployment_name' => ['text', '', true]], $llm_common),
					'anthropic' => array_merge(['api_key' => ['secret', '', true], 'base_url' => ['url', 'https://api.anthropic.com/v1', false],
						'model' => ['text', 'claude-sonnet-4-20250514', false]], $llm_common),
					'google_gemini' => array_merge(['api_key' => ['secret', '', true], 'base_url' => ['url', 'https://generativelanguage.googleapis.com/v1beta', false],
						'model' => ['text', 'gemini-2.5-flash', false]], $llm_common),
				],
				'embeddings' => [
					'openai' => ['api_key' => ['secret', '', true], 'base_url' => ['url', 'https://api.openai.com/v1', false],
						'model' => ['text', 'text-embedding-3-small', false], 'dimensions' => ['integer', '', false], 'timeout_seconds' => $timeout],
					'azure_openai_embeddings' => ['api_key' => ['secret', '', true], 'endpoint' => ['url', '', true],
						'deployment_name' => ['text', '', true], 'dimensions' => ['integer', '', false], 'timeout_seconds' => $timeout],
					'ollama' => ['base_url' => ['url', 'http://localhost:11434/v1', false], 'model' => ['text', 'nomic-embed-text', false],
						'api_key' => ['secret', '', false], 'timeout_seconds' => $timeout],
					'local' => [],
				],
				//voice-ai-realtime's factories (RealtimeProviderFactories): only what the bridge can build is offered, since
				//a row it cannot build would only fail calls
				'realtime' => [
					'openai_realtime' => ['api_key' => ['secret', '', true], 'base_url' => ['url', 'wss://api.openai.com/v1/realtime', false],
						'model' => ['text', 'gpt-realtime', false],
						'voice' => ['select', 'marin', false, ['alloy', 'ash', 'ballad', 'coral', 'echo', 'sage', 'shimmer', 'verse', 'marin', 'cedar']],
						'turn_detection' => ['select', 'server_vad', false, ['server_vad', 'semantic_vad']],
						'vad_threshold' => ['decimal', '0.5', false, [0, 1]],
						'vad_prefix_padding_ms' => ['integer', '300', false, [0, 10000]],
						'vad_silence_duration_ms' => ['integer', '500', false, [0, 10000]],
						'vad_eagerness' => ['select', 'auto', false, ['low', 'medium', 'high', 'auto']],
						'transcription_model' => ['text', 'gpt-4o-mini-transcribe', false],
						'noise_reduction' => ['select', 'off', false, ['off', 'near_field', 'far_field']],
						'max_session_minutes' => ['decimal', '55', false, [1, 59]],
						'audio_format' => ['select', 'auto', false, ['auto', 'pcm', 'pcmu', 'pcma']],
						'connect_timeout_seconds' => ['integer', '10', false, [1, 120]]],
					'gemini_live' => ['api_key' => ['secret', '', true],
						'base_url' => ['url', 'wss://generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent', false],
						'model' => ['text', 'models/gemini-2.5-flash-native-audio-preview-12-2025', false],
						'voice' => ['text', 'Puck', false],
						'vad_start_sensitivity' => ['select', '', false, ['', 'high', 'low']],
						'vad_end_sensitivity' => ['select', '', false, ['', 'high', 'low']],
						'vad_prefix_padding_ms' => ['integer', '', false, [0, 10000]],
						'vad_silence_duration_ms' => ['integer', '', false, [0, 10000]],
						'activity_handling' => ['select', 'interrupts', false, ['interrupts', 'no_interruption']],
						'input_sample_rate' => ['select', '16000', false, ['16000', '8000', '24000']],
						'context_window_compression' => ['select', 'true', false, ['true', 'false']],
						'session_resumption' => ['select', 'true', false, ['true', 'false']],
						'max_connection_minutes' => ['decimal', '9', false, [1, 9.99]],
						'max_session_minutes' => ['decimal', '14', false, [1, 14.99]],
						'connect_timeout_seconds' => ['integer', '10', false, [1, 120]]],
					'elevenlabs_conversational' => ['agent_id' => ['text', '', true], 'api_key' => ['secret', '', false],
						'base_url' => ['url', 'wss://api.elevenlabs.io', false],
						'signed_url_endpoint' => ['url', '', false],
						'override_prompt' => ['select', 'true', false, ['true', 'false']],
						'override_first_message' => ['select', 'true', false, ['true', 'false']],
						'override_language' => ['select', 'false', false, ['false', 'true']],
						'response_gap_ms' => ['integer', '700', false, [100, 10000]],
						'connect_timeout_seconds' => ['integer', '10', false, [1, 120]]],
					'custom_pipeline' => ['api_key' => ['secret', '', true], 'base_url' => ['url', 'wss://api.deepgram.com', false],
						'model' => ['text', 'nova-3', false],
						'language' => ['text', '', false],
						'endpointing_ms' => ['integer', '300', false, [10, 5000]],
						'utterance_end_ms' => ['integer', '1000', false, [1000, 5000]],
						'keepalive_seconds' => ['decimal', '5', false, [0.1, 9]],
						'llm_provider' => ['text', '', false],
						'tts_provider' => ['text', '', false],
						'voice' => ['text', '', false],
						'temperature' => ['decimal', '', false, [0, 2]],
						'max_tokens' => ['integer', '', false, [1, 100000]],
						'connect_timeout_seconds' => ['integer', '10', false, [1, 120]]],
				],
			];
		}

		/**
		 * Other names rows may hold for a provider (older versions, the reference project): the service accepts them
		 * as the provider they stand for, so the edit page shows that provider's fields.
		 * @return array<string,string> alias => canonical provider_name
		 */
		public static function aliases(string $type): array {
			$aliases = [
				'stt' => ['openai_whisper' => 'whisper_api'],
				'tts' => ['openai' => 'openai_tts', 'elevenlabs_tts' => 'elevenlabs', 'azure' => 'azure_neural', 'azure_tts' => 'azure_neural',
					'google' => 'google_tts', 'deepgram' => 'deepgram_aura', 'deepgram_tts' => 'deepgram_aura', 'piper' => 'piper_local'],
				'llm' => [],
				'embeddings' => ['openai_embeddings' => 'openai', 'azure_embeddings' => 'azure_openai_embeddings', 'local_embeddings' => 'local'],
				'realtime' => ['openai' => 'openai_realtime', 'gemini' => 'gemini_live', 'elevenlabs' => 'elevenlabs_conversational',
					'custom' => 'custom_pipeline'],
			];
			return $aliases[$type] ?? [];
		}

		/** The canonical provider_name of a name or alias (lower case, as the service compares them); the name itself when unknown. */
		public static function canonical(string $type, string $name): string {
			$name = strtolower(trim($name));
			return self::aliases($type)[$name] ?? $name;
		}

		/** @return string[] the provider names of a type, [] for an unknown type */
		public static function names(string $type): array {
			$catalog = self::catalog();
			return isset($catalog[$type]) ? array_keys($catalog[$type]) : [];
		}

		/**
		 * The fields of one provider: key => ['kind'=>..., 'default'=>..., 'required'=>bool, 'options'=>[]].
		 * @return array|null null when the type or the name is unknown
		 */
		public static function fields(string $type, string $name): ?array {
			$catalog = self::catalog();
			$name = self::canonical($type, $name);
			if (!isset($catalog[$type][$name])) {
				return null;
			}
			$fields = [];
			foreach ($catalog[$type][$name] as $key => $definition) {
				$fields[$key] = ['kind' => $definition[0], 'default' => $definition[1], 'required' => $definition[2],
					'options' => $definition[3] ?? []];
			}
			return $fields;
		}

		/**
		 * The config to store, from the submitted form.
		 *
		 * @param string $type provider_type
		 * @param string $name provider_name
		 * @param array $posted submitted values by key (secrets: empty = keep the stored one)
		 * @param array $clear keys whose stored secret the admin asked to remove
		 * @param array $existing the stored config (decoded; secrets still encrypted)
		 * @param string $extra_json JSON object of further keys (advanced), '' for none
		 * @param voice_ai_secrets|null $secrets encrypts new secrets; null only when the form sets no secret
		 * @param string $domain_uuid the row's domain (the encryption's additional data)
		 * @param voice_ai_validator $validator receives a message per wrong field
		 * @return array|null the config, or null when a field is wrong or the provider is unknown
		 */
		public static function build_config(string $type, string $name, array $posted, array $clear, array $existing,
				string $extra_json, ?voice_ai_secrets $secrets, string $domain_uuid, voice_ai_validator $validator): ?array {
			$fields = self::fields($type, $name);
			if ($fields === null) {
				$validator->fail('provider_name', 'choice', 'provider_name');
				return null;
			}
			$config = [];
			$extra = [];
			if (trim($extra_json) !== '') {
				$extra_text = $validator->json_object('extra_config', 'extra_config', $extra_json);
				$extra = ($extra_text === null) ? [] : json_decode($extra_text, true);
			}
			//keys not on the form: keep them, then let the extra JSON add or replace
			foreach ($existing as $key => $value) {
				if (!isset($fields[$key])) {
					$config[$key] = $value;
				}
			}
			foreach ($extra as $key => $value) {
				if (!isset($fields[$key])) {
					$config[$key] = $value;
				}
			}
			foreach ($fields as $key => $field) {
				$value = isset($posted[$key]) && is_scalar($posted[$key]) ? trim((string) $posted[$key]) : '';
				switch ($field['kind']) {
					case 'secret':
						if ($value !== '') {
							if ($secrets === null) {
								throw new RuntimeException('voice_ai_provider_fields: no secret key to encrypt '.$key);
							}
							$config[$key] = $secrets->encrypt($value, $domain_uuid);
						}
						elseif (!in_array($key, $clear, true) && isset($existing[$key]) && $existing[$key] !== '') {
							$config[$key] = $existing[$key];
						}
						elseif ($field['required']) {
							$validator->fail($key, 'required', $key);
						}
						break;
					case 'integer':
						[$min, $max] = count($field['options']) == 2 ? $field['options'] : [0, 1000000];
						$number = $validator->integer($key, $key, $value, $min, $max, $field['required']);
						if ($number !== null) {
							$config[$key] = $number;
						}
						break;
					case 'decimal':
						[$min, $max] = count($field['options']) == 2 ? $field['options'] : [0, 1000000];
						$number = $validator->decimal($key, $key, $value, $min, $max, $field['required']);
						if ($number !== null) {
							$config[$key] = (float) $number;
						}
						break;
					case 'boolean':
						if ($value !== '') {
							$config[$key] = ($validator->boolean($value) === 'true');
						}
						break;
					case 'url':
						$url = $validator->text($key, $key, $value, $field['required'], 2048);
						if ($url !== null) {
							if (!preg_match('#^(https?|wss?)://[^\s/]+#i', $url)) {
								$validator->fail($key, 'url', $key);
							}
							else {
								$config[$key] = $url;
							}
						}
						break;
					case 'select':
						$choice = $validator->choice($key, $key, $value, $field['options'], $field['required']);
						if ($choice !== null) {
							$config[$key] = $choice;
						}
						break;
					default:
						$text = $validator->text($key, $key, $value, $field['required'], 4000);
						if ($text !== null) {
							$config[$key] = $text;
						}
				}
			}
			if (!$validator->valid()) {
				return null;
			}
			//secrets among the extra keys are stored encrypted too
			if ($secrets !== null) {
				$config = $secrets->encrypt_config($config, $domain_uuid);
			}
			else {
				foreach ($config as $key => $value) {
					if (is_string($value) && $value !== '' && voice_ai_secrets::is_secret_key($key) && !voice_ai_secrets::is_encrypted($value)) {
						throw new RuntimeException('voice_ai_provider_fields: no secret key to encrypt '.$key);
					}
				}
			}
			return $config;
		}

		/**
		 * Which secrets of a stored config are set, for the form's "set" marks (the values are never shown).
		 * @return array<string,bool>
		 */
		public static function secrets_set(array $existing): array {
			$set = [];
			foreach ($existing as $key => $value) {
				if (voice_ai_secrets::is_secret_key($key) && is_string($value) && $value !== '') {
					$set[$key] = true;
				}
			}
			return $set;
		}

		/** Non-secret keys of a stored config that the form has no field for, as pretty JSON ('' when none). */
		public static function extra_json(string $type, string $name, array $existing): string {
			$fields = self::fields($type, $name) ?? [];
			$extra = [];
			foreach ($existing as $key => $value) {
				if (!isset($fields[$key]) && !voice_ai_secrets::is_secret_key($key)) {
					$extra[$key] = $value;
				}
			}
			return count($extra) ? json_encode($extra, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) : '';
		}

	}

?>
