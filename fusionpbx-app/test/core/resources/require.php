<?php
//Test double of FusionPBX's resources/require.php (see ../README.md).

	error_reporting(E_ALL);
	ini_set('display_errors', '1');
	set_include_path(dirname(__DIR__));
	ini_set('session.cookie_secure', '0');
	if (session_status() !== PHP_SESSION_ACTIVE) {
		session_start();
	}

	require_once __DIR__.'/functions.php';
	foreach (glob(__DIR__.'/classes/*.php') as $core_class) {
		require_once $core_class;
	}
	//FusionPBX autoloads the classes of every app: resources/classes/<class>.php
	spl_autoload_register(function ($class) {
		foreach (glob(dirname(__DIR__).'/app/*/resources/classes/'.basename($class).'.php') as $file) {
			require_once $file;
			return;
		}
	});

	$config = ['dsn' => getenv('VOICE_AI_TEST_DSN')];
	$database = database::new();
	$settings = new settings();

?>
