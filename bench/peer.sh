#!/usr/bin/env bash
# What a user would do instead of running mdma-trials: follow ClinicalTrials.gov's page tokens with
# curl and write a 10-column CSV of every study with jq, one jq pass per page.
# Usage: bench/peer.sh API_ROOT OUT.csv   (needs curl and jq: apt-get install curl jq)
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: bench/peer.sh API_ROOT OUT.csv" >&2; exit 2; }
api=$1 out=$2
command -v jq >/dev/null || { echo "bench/peer.sh needs jq: apt-get install jq" >&2; exit 2; }

echo 'nct_id,title,overall_status,phases,study_type,enrollment,start_date,completion_date,lead_sponsor,conditions' > "$out"
token=""
while :; do
  # The page's rows, then its next token on a line of its own.
  lines=$(curl -sSf "$api/studies?format=json&query.term=MDMA&pageSize=1000${token:+&pageToken=$token}" \
    | jq -r '(.studies[].protocolSection | [
        .identificationModule.nctId,
        .identificationModule.briefTitle,
        .statusModule.overallStatus,
        ((.designModule.phases // []) | join("; ")),
        .designModule.studyType,
        .designModule.enrollmentInfo.count,
        .statusModule.startDateStruct.date,
        .statusModule.completionDateStruct.date,
        .sponsorCollaboratorsModule.leadSponsor.name,
        ((.conditionsModule.conditions // []) | join("; "))
      ] | @csv), "TOKEN " + (.nextPageToken // "")')
  printf '%s\n' "$lines" | grep -v '^TOKEN ' >> "$out" || true
  token=$(printf '%s\n' "$lines" | sed -n 's/^TOKEN //p')
  [ -n "$token" ] || break
done
