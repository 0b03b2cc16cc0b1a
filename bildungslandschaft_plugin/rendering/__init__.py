"""Everything the plugin draws: styles of output layers, print layouts, profile pages and charts.

- ``styles`` – default styles (QML files and graduated/categorized renderers) of the outputs and of the layers
  the join dialog adds.
- ``layouts`` – print-layout building blocks (fonts, fitted labels, legend, scale bar, north arrow) and the
  atomic export of a layout to PDF/PNG/SVG.
- ``map_layout`` – the council map of ``exportmap`` (layers drawn, extent, the one-page layout).
- ``profile_layout`` – the district-profile template (``district_profile.qpt``) and its items.
- ``profile_pages`` – the district-profile atlas: filling the template per district and exporting it.
- ``charts`` – time-series and age-structure charts drawn with QPainter.
- ``project`` – a QGIS project (``.qgz``) holding result layers, their styles and the layouts.
"""
