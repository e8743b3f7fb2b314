"""The CDNOW sheets of the forecast workbook (forecast_cdnow.py) as a workbook of their own,
«Прогноз по журналу заказов (CDNOW)» / "Forecast from an order log (CDNOW)", while the
forecast workbook that will hold them (templates/forecast.py) is built elsewhere."""
import forecast_cdnow

TITLE = ("Прогноз по журналу заказов (CDNOW)", "Forecast from an order log (CDNOW)")
FILE = "cdnow-forecast"


def build(workbook):
    forecast_cdnow.add_sheets(workbook)
