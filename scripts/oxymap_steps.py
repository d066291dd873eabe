#@ File (label = "Transmission stack (any format OxyMap reads)", style = "file") stack
#@ String (label = "References (comma-separated CSV files)") references
#@ Double (label = "Diffusion time (s), 0 = unknown", value = 0) time_s
#@ Double (label = "Section thickness (nm)", value = 80) section_nm
#@ String (label = "Threshold", choices = {"noise", "otsu", "li", "triangle", "huang", "default"}) threshold
#@ CommandService command
#@ UIService ui

# OxyMap step by step from Jython (Fiji's Script Editor, language Python): each step is a SciJava command run
# through the CommandService with its inputs by name (the same names as the macro keys) and its outputs
# (images, ResultsTables) handed back. Headless:
#   ImageJ-linux64 --headless --run oxymap_steps.py 'stack="/data/stack.tif",references="/data/Mn2.csv,/data/Mn3.csv,/data/Mn4.csv",time_s=1e6,section_nm=80,threshold="noise"'
from org.oxymap.command import (OpenStackCommand, AlignStackCommand, OpticalDensityCommand, FitReferencesCommand,
                                SegmentParticlesCommand, EdgeDistanceProfilesCommand, FitModelsCommand)


def step(cls, **inputs):
    """Runs one OxyMap command (no pre/post-processing: every input is given) and returns its module."""
    return command.run(cls, False, inputs).get()


image = step(OpenStackCommand, stack=stack, pixel_nm=0.0).getOutput("image")
aligned = step(AlignStackCommand, stack=image).getOutput("aligned")
od_step = step(OpticalDensityCommand, stack=aligned, i0="auto", i0_roi="", i0_file="")
fit = step(FitReferencesCommand, stack=od_step.getOutput("od"), references=references, background="constant")
maps = dict((m.getTitle(), m) for m in fit.getOutput("maps"))
thickness = fit.getOutput("thickness")
labels = step(SegmentParticlesCommand, thickness=thickness, mask=fit.getOutput("mask"),
              empty=od_step.getOutput("i0_region"), threshold=threshold, min_area_nm2=2000.0).getOutput("labels")
# the profiled component: the reference with valence 3 in the bundled example (Mn3)
fraction = maps["fraction_Mn3"]
profiles = step(EdgeDistanceProfilesCommand, labels=labels, fraction=fraction, thickness=thickness, bin_nm=0.0)
models = step(FitModelsCommand, labels=labels, fraction=fraction, thickness=thickness, time_s=time_s,
              section_nm=section_nm, bin_nm=0.0)
print(models.getOutput("summary"))
if not ui.isHeadless():
    fraction.show()
    labels.show()
    models.getOutput("fits").show("OxyMap Fits")
    profiles.getOutput("profiles").show("OxyMap Profiles")
