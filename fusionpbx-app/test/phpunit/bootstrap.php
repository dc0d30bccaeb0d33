<?php
//Loads the app's classes as FusionPBX's autoloader would (no FusionPBX code is needed by them).
error_reporting(E_ALL);
foreach (glob(dirname(__DIR__, 2).'/voice_secretary/resources/classes/*.php') as $class_file) {
	require_once $class_file;
}
