print("optrender")
