enum PlotModule {}
