print("quotewire")
