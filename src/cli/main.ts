// The `faultline` command.
process.stdout.write('faultline\n');
