<?php
//Voice Secretary menu: under Applications, for superadmin and admin (FusionPBX: upgrade.php --menu default).

	$y = 0;
	$apps[$x]['menu'][$y]['title']['en-us'] = 'Voice Secretary';
	$apps[$x]['menu'][$y]['title']['pt-br'] = 'Secretária Virtual';
	$apps[$x]['menu'][$y]['uuid'] = '6f0a8f47-2d36-4f0e-9c4e-7a1f5d2b9e31';
	$apps[$x]['menu'][$y]['parent_uuid'] = 'fd29e39c-c936-f5fc-8e2b-611681b266b5';
	$apps[$x]['menu'][$y]['category'] = 'internal';
	$apps[$x]['menu'][$y]['icon'] = 'fa-solid fa-headset';
	$apps[$x]['menu'][$y]['path'] = '/app/voice_secretary/secretaries.php';
	$apps[$x]['menu'][$y]['order'] = '';
	$apps[$x]['menu'][$y]['groups'][] = 'superadmin';
	$apps[$x]['menu'][$y]['groups'][] = 'admin';
	$y++;

?>
