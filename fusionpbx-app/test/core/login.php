<?php
//Test double of FusionPBX's login: POST username, domain_name (must exist in v_domains), group, language.
//The session gets the permissions that the apps' app_config.php grant to that group, as FusionPBX's upgrade would.

	require_once __DIR__.'/resources/require.php';

	if ($_SERVER['REQUEST_METHOD'] !== 'POST') {
		echo "<form method='post'><input name='username'><input name='domain_name'><input name='group' value='admin'>"
			."<input name='language' value='en-us'><button type='submit'>Log in</button></form>";
		exit;
	}
	$domain = $database->select("select domain_uuid, domain_name from v_domains where domain_name = :name", ['name' => $_POST['domain_name'] ?? ''], 'row');
	if (!$domain) {
		http_response_code(403);
		echo "unknown domain";
		exit;
	}
	session_regenerate_id(true);
	$_SESSION = [];
	$_SESSION['domain_uuid'] = $domain['domain_uuid'];
	$_SESSION['domain_name'] = $domain['domain_name'];
	$_SESSION['user_uuid'] = uuid();
	$_SESSION['username'] = $_POST['username'] ?? 'admin';
	$_SESSION['domain']['language']['code'] = in_array($_POST['language'] ?? '', ['en-us', 'pt-br'], true) ? $_POST['language'] : 'en-us';
	$group = $_POST['group'] ?? 'admin';
	foreach (glob(__DIR__.'/app/*/app_config.php') as $app_config) {
		$x = 0;
		$apps = [];
		include $app_config;
		foreach ($apps[0]['permissions'] as $permission) {
			if (in_array($group, $permission['groups'] ?? [], true)) {
				$_SESSION['permissions'][$permission['name']] = true;
			}
		}
	}
	header('Location: '.($_POST['next'] ?? '/app/voice_secretary/secretaries.php'));
?>
