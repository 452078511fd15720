"""Reports: the views of the pages as a standalone HTML file and an Excel workbook."""
