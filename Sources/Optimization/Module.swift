enum OptimizationModule {}
