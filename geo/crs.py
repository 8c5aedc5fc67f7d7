"""The coordinate reference systems the project works in, named once."""

WEB_CRS = "EPSG:4326"  # what browsers and RFC 7946 GeoJSON use: longitude, latitude
DANISH_CRS = "EPSG:25832"  # ETRS89 / UTM zone 32N, metres: Danish municipal data
SWEDISH_CRS = "EPSG:3006"  # SWEREF 99 TM, metres: Swedish municipal data
