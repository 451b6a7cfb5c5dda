// site scripts
