"""The Qt layer: views, controllers and item models. The only package that imports PySide6."""
