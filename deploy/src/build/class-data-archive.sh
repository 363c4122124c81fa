#!/usr/bin/env sh
# Writes hub.jsa next to hub.jar: a class data sharing archive (JDK AppCDS, dynamic archive) of the classes one
# start of the Hub loads, so that later starts map them instead of reading, parsing and verifying them again.
# Run by `mvn package -Dhub.cds.skip=false` (deploy/pom.xml) after hub.jar is built.
#
# The training start is Payara Micro's --warmup: it boots, deploys the Hub (Flyway migrations and start-up beans
# against a throw-away embedded H2 database under target/), then exits, and the JVM writes the archive at exit.
# Its environment is emptied (env -i) so that no HUB_* setting of the caller's shell (HUB_DB_URL!) reaches it.
#
# The archive names hub.jar by its absolute path, as bin/hub does: the JVM uses it only for that same file (same
# path, size and modification time), so it must be made where hub.jar runs (a copied hub.jar only gets the warning).
#
# The archive is written under a temporary name and renamed only after a clean exit, and its size is recorded in
# hub.jsa.size: bin/hub uses the archive only when the size matches (the JVM crashes on a truncated archive,
# while it only warns about and ignores one made for another hub.jar or another JVM).
# The training start is bounded (5 minutes, then killed, like a failure).
# A failed training never fails the build: the Hub starts without an archive, only slower.
set -u
target=${1:?usage: class-data-archive.sh <deploy/target directory> [skip: true|false]}
cd "$target" || exit 0
# An archive of an earlier hub.jar would only earn a warning at every start: always gone first.
rm -f hub.jsa hub.jsa.size hub.jsa.part
rm -rf cds-training
[ "${2:-false}" = true ] && exit 0
mkdir -p cds-training
preboot=cds-training/preboot.asadmin
echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1" > "$preboot"
# The same JVM options as bin/hub's defaults where they matter to the archive (compressed pointers follow -Xmx).
if env -i PATH="$PATH" HOME="${HOME:-/tmp}" timeout 300 java -Xmx512m -Xlog:cds=off -Xlog:cds+dynamic=error \
    -XX:ArchiveClassesAtExit=hub.jsa.part -Dhazelcast.phone.home.enabled=false \
    -Dhub.data.dir="$PWD/cds-training/data" \
    -jar "$PWD/hub.jar" --nohazelcast --disablephonehome --prebootcommandfile "$preboot" \
    --port 38686 --autobindhttp --autobindrange 100 --warmup > cds-training/warmup.log 2>&1 \
  && [ -s hub.jsa.part ]; then
  mv hub.jsa.part hub.jsa
  wc -c < hub.jsa | tr -d ' ' > hub.jsa.size
  echo "class-data-archive: wrote $target/hub.jsa ($(cat hub.jsa.size) bytes)"
else
  rm -f hub.jsa.part
  echo "class-data-archive: WARNING: the training start failed (see $target/cds-training/warmup.log);" \
       "the Hub will start without a class data archive" >&2
fi
exit 0
