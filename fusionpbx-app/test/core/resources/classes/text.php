<?php
//Test double of FusionPBX's text class: loads app_languages.php of the calling page's app, in the session's language.

	class text {

		public function get($language_code = null, $app_path = null) {
			$language_code = $language_code ?? ($_SESSION['domain']['language']['code'] ?? 'en-us');
			$directory = $app_path ? dirname(__DIR__, 2).'/'.$app_path : dirname($_SERVER['SCRIPT_FILENAME']);
			$text = [];
			if (is_file($directory.'/app_languages.php')) {
				include $directory.'/app_languages.php';
			}
			$result = [];
			foreach ($text as $key => $translations) {
				$result[$key] = $translations[$language_code] ?? $translations['en-us'] ?? '';
			}
			return $result;
		}

	}

?>
