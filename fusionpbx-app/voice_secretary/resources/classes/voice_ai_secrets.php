<?php
/*
	Voice Secretary: voice_ai_secrets

	Encrypts and decrypts provider secrets (API keys, passwords, tokens) stored in
	v_voice_ai_providers.config, in the format the Java service reads
	(org.voiceai.providers.secret.SecretCipher):

		enc:v1:<base64(iv || ciphertext || tag)>

	- AES-256-GCM, 12-byte random iv, 16-byte tag, standard base64 with padding;
	- key: 32 raw bytes, given as base64 (the value of VOICE_AI_SECRET_KEY on the Java side;
	  FusionPBX reads it from the file named by the default setting voice_secretary > secret_key_file);
	- additional authenticated data: the owning row's domain_uuid in lowercase, so a value
	  copied into another domain's row does not decrypt.

	No FusionPBX function is used: the class also works under plain php-cli.
	Messages of the exceptions never contain the key or a secret, and #[\SensitiveParameter]
	keeps both out of stack traces (PHP >= 8.2; older versions read the attribute as a comment).

	Example:
		$secrets = voice_ai_secrets::from_file('/etc/voice-ai/secret.key');
		$config = $secrets->encrypt_config($config, $domain_uuid);
*/

	class voice_ai_secrets {

		/**
		 * Prefix of an encrypted value, followed by base64(iv || ciphertext || tag).
		 */
		const prefix = 'enc:v1:';

		const cipher = 'aes-256-gcm';
		const key_length = 32;
		const iv_length = 12;
		const tag_length = 16;

		/**
		 * Raw 32-byte key.
		 * @var string
		 */
		private $key;

		/**
		 * @param string $key_base64 base64 of exactly 32 bytes (surrounding whitespace is ignored)
		 * @throws InvalidArgumentException when the value is not base64 of 32 bytes
		 */
		public function __construct(
			#[\SensitiveParameter]
			string $key_base64
		) {
			$key = base64_decode(trim($key_base64), true);
			if ($key === false || strlen($key) !== self::key_length) {
				throw new InvalidArgumentException('voice_ai_secrets: the secret key must be the base64 encoding of exactly '.self::key_length.' bytes');
			}
			$this->key = $key;
		}

		/**
		 * Reads the base64 key from a file (the default setting voice_secretary > secret_key_file).
		 * @param string $path file that holds the base64 key
		 * @return voice_ai_secrets
		 * @throws RuntimeException when the file cannot be read
		 * @throws InvalidArgumentException when the file does not hold a valid key
		 */
		public static function from_file(string $path): voice_ai_secrets {
			if (!is_file($path) || !is_readable($path)) {
				throw new RuntimeException('voice_ai_secrets: cannot read the secret key file '.$path);
			}
			$content = file_get_contents($path);
			if ($content === false) {
				throw new RuntimeException('voice_ai_secrets: cannot read the secret key file '.$path);
			}
			return new voice_ai_secrets(trim($content));
		}

		/**
		 * Encrypts a secret for a row of the given domain.
		 * @param string $plain the secret
		 * @param string $domain_uuid domain_uuid of the row that will hold the value
		 * @return string enc:v1:<base64>
		 * @throws InvalidArgumentException when domain_uuid is not a uuid
		 * @throws RuntimeException when openssl fails
		 */
		public function encrypt(
			#[\SensitiveParameter]
			string $plain,
			string $domain_uuid
		): string {
			$aad = self::aad($domain_uuid);
			$iv = random_bytes(self::iv_length);
			$tag = '';
			$ciphertext = openssl_encrypt($plain, self::cipher, $this->key, OPENSSL_RAW_DATA, $iv, $tag, $aad, self::tag_length);
			if ($ciphertext === false || strlen($tag) !== self::tag_length) {
				throw new RuntimeException('voice_ai_secrets: encryption failed');
			}
			return self::prefix.base64_encode($iv.$ciphertext.$tag);
		}

		/**
		 * Decrypts a value written by encrypt() (or by the Java SecretCipher).
		 * @param string $value enc:v1:<base64>
		 * @param string $domain_uuid domain_uuid of the row that holds the value
		 * @return string the secret
		 * @throws InvalidArgumentException when the value is not in the enc:v1: format or domain_uuid is not a uuid
		 * @throws RuntimeException when the value does not decrypt (wrong key, wrong domain or altered data)
		 */
		public function decrypt(string $value, string $domain_uuid): string {
			$aad = self::aad($domain_uuid);
			if (!self::is_encrypted($value)) {
				throw new InvalidArgumentException('voice_ai_secrets: the value is not encrypted (missing '.self::prefix.' prefix)');
			}
			$data = base64_decode(substr($value, strlen(self::prefix)), true);
			if ($data === false || strlen($data) < self::iv_length + self::tag_length) {
				throw new InvalidArgumentException('voice_ai_secrets: the encrypted value is malformed');
			}
			$iv = substr($data, 0, self::iv_length);
			$tag = substr($data, -self::tag_length);
			$ciphertext = substr($data, self::iv_length, strlen($data) - self::iv_length - self::tag_length);
			$plain = openssl_decrypt($ciphertext, self::cipher, $this->key, OPENSSL_RAW_DATA, $iv, $tag, $aad);
			if ($plain === false) {
				throw new RuntimeException('voice_ai_secrets: cannot decrypt the value (wrong key, wrong domain or altered data)');
			}
			return $plain;
		}

		/**
		 * Whether a value is in the encrypted format.
		 * @param mixed $value
		 * @return bool
		 */
		public static function is_encrypted($value): bool {
			return is_string($value) && strncmp($value, self::prefix, strlen(self::prefix)) === 0;
		}

		/**
		 * Whether a config key names a secret: api_key, password, *_key, or a name that
		 * contains secret, password, credentials or token (but not tokens, as in max_tokens),
		 * case-insensitive. SecretCipher.isSecretKey on the Java side applies the same rule.
		 * @param string|int $name
		 * @return bool
		 */
		public static function is_secret_key($name): bool {
			$name = strtolower((string) $name);
			if ($name === 'api_key' || $name === 'password') {
				return true;
			}
			if (substr($name, -4) === '_key') {
				return true;
			}
			foreach (['secret', 'password', 'credentials'] as $word) {
				if (strpos($name, $word) !== false) {
					return true;
				}
			}
			return strpos($name, 'token') !== false && strpos($name, 'tokens') === false;
		}

		/**
		 * Encrypts the secret values of a provider config (top level keys only).
		 * Values already encrypted, empty strings and non-string values are left as they are.
		 * @param array $config provider config (decoded JSON object)
		 * @param string $domain_uuid domain_uuid of the provider row
		 * @return array the config with its secrets encrypted
		 */
		public function encrypt_config(array $config, string $domain_uuid): array {
			foreach ($config as $name => $value) {
				if (!is_string($value) || $value === '' || !self::is_secret_key($name) || self::is_encrypted($value)) {
					continue;
				}
				$config[$name] = $this->encrypt($value, $domain_uuid);
			}
			return $config;
		}

		/**
		 * Keeps the key out of var_dump() and print_r().
		 * @return array
		 */
		public function __debugInfo() {
			return ['key' => '(hidden)'];
		}

		/**
		 * The additional authenticated data: the domain uuid in lowercase.
		 * @param string $domain_uuid
		 * @return string
		 * @throws InvalidArgumentException when domain_uuid is not a uuid
		 */
		private static function aad(string $domain_uuid): string {
			$aad = strtolower(trim($domain_uuid));
			if (!preg_match('/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/', $aad)) {
				throw new InvalidArgumentException('voice_ai_secrets: domain_uuid must be a uuid');
			}
			return $aad;
		}

	}

?>
