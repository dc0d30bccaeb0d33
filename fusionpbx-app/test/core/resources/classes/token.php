<?php
//Test double of FusionPBX's token class (CSRF): names and values are HMACs kept in the session.

	class token {

		public function create($key) {
			$key = self::key($key);
			if (empty($_SESSION['token_secret'])) {
				$_SESSION['token_secret'] = bin2hex(random_bytes(32));
			}
			$name = 'key_'.hash_hmac('sha256', $key, $_SESSION['token_secret'].'name');
			$hash = hash_hmac('sha256', $key.random_bytes(16), $_SESSION['token_secret']);
			$_SESSION['tokens'][$key][$name][] = $hash;
			return ['name' => $name, 'hash' => $hash];
		}

		public function validate($key, $value = null) {
			$key = self::key($key);
			if (empty($_SESSION['tokens'][$key])) {
				return false;
			}
			foreach ($_SESSION['tokens'][$key] as $name => $hashes) {
				$given = $value ?? ($_REQUEST[$name] ?? null);
				if (!is_string($given)) {
					continue;
				}
				foreach ($hashes as $hash) {
					if (hash_equals($hash, $given)) {
						return true;
					}
				}
			}
			return false;
		}

		private static function key($key) {
			return preg_replace('#^/+#', '/', (string) $key);
		}

	}

?>
