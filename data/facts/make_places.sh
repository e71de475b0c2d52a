#!/bin/sh
# Regenerates the GeoNames part of places.tsv (the curated tail is kept by hand).
# Usage: data/facts/make_places.sh ../shared/data/gazetteer/cities15000_mideast_arabic.tsv
awk -F'\t' 'NR>1 && $10!="" {n=split($10,a,"|"); for(i=1;i<=n;i++) if (a[i]!="" && length(a[i])>=3) print a[i]}' "$1" | grep -vxE "المدينة|حجة|صور|الخبر|العين|الحي|الجديدة|مدينة" | sort -u
